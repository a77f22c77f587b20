namespace CapacityHub.Storage;

/// <summary>The first result of a client request, kept so a retry returns it instead of acting twice.</summary>
public sealed record RequestRecord<TResult>(string Id, TResult Result, long CreatedAtUnixMs);

/// <summary>
/// Idempotent creates: the request record is written in the same transaction as the work, so either both
/// exist or neither does. Keys are "{operation}:{requestId}" so one id reused for another operation does not collide.
/// </summary>
public static class RequestLog
{
    /// <summary>Declares a service's request-record collection (include it in MigrateAsync).</summary>
    public static CollectionSpec<RequestRecord<TResult>> Declare<TResult>(string name) =>
        CollectionSpec.For<RequestRecord<TResult>>(name, r => r.Id).Index("byCreatedAt", "createdAtUnixMs");

    /// <summary>
    /// Returns the recorded result of (<paramref name="operation"/>, <paramref name="requestId"/>) or runs
    /// <paramref name="work"/> and records its result, inside <paramref name="transaction"/>.
    /// </summary>
    public static async Task<TResult> OnceAsync<TResult>(
        this ITransaction transaction,
        CollectionSpec<RequestRecord<TResult>> requests,
        string operation,
        string requestId,
        Func<Task<TResult>> work,
        TimeProvider? clock = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw new ArgumentException("A request id is required.", nameof(requestId));
        }

        var log = transaction.Collection(requests);
        var key = $"{operation}:{requestId}";
        var previous = await log.GetAsync(key, cancellationToken);
        if (previous is not null)
        {
            return previous.Value.Result;
        }

        var result = await work();
        var now = (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        await log.InsertAsync(new RequestRecord<TResult>(key, result, now), cancellationToken);
        return result;
    }
}
