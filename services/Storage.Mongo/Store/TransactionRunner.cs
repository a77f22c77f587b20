using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Connection;
using CapacityHub.Storage.Mongo.Topology;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// The transactions spec's "convenient API": runs the work in a transaction on one session; on an error
/// labelled TransientTransactionError (or a network error) aborts and runs the work again; retries a commit
/// whose outcome is unknown (UnknownTransactionCommitResult, network error) with the same txnNumber; gives up
/// after two minutes, the spec's limit.
/// </summary>
internal sealed class TransactionRunner(MongoClient client)
{
    public static readonly TimeSpan RetryLimit = TimeSpan.FromMinutes(2);

    public async Task<TResult> RunAsync<TResult>(Func<MongoSession, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken, string what = "the transaction")
    {
        var session = client.StartSession();
        var deadline = DateTime.UtcNow + RetryLimit;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            session.StartTransaction();
            TResult result;
            try
            {
                result = await work(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await AbortQuietlyAsync(session).ConfigureAwait(false);
                if (IsTransient(e) && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
                {
                    await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (Unavailable(e, what) is { } unavailable)
                {
                    throw unavailable;
                }

                throw;
            }

            if (await CommitAsync(session, deadline, what, cancellationToken).ConfigureAwait(false))
            {
                return result;
            }

            await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when committed; false when the whole transaction must run again.</summary>
    private static async Task<bool> CommitAsync(MongoSession session, DateTime deadline, string what, CancellationToken cancellationToken)
    {
        var first = true;
        while (true)
        {
            try
            {
                if (first)
                {
                    await session.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await session.RetryCommitAsync(cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (Exception e) when (IsUnknownCommitResult(e) && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                first = false;
            }
            catch (MongoCommandException e) when (e.HasLabel(StoreErrors.TransientTransactionError) && DateTime.UtcNow < deadline)
            {
                return false;
            }
            catch (Exception e) when (Unavailable(e, what) is { } unavailable)
            {
                throw unavailable;
            }
        }
    }

    private static bool IsTransient(Exception error) => error switch
    {
        MongoCommandException command => command.HasLabel(StoreErrors.TransientTransactionError),

        // The spec labels network errors inside a transaction TransientTransactionError.
        MongoConnectionException => true,
        _ => false,
    };

    private static bool IsUnknownCommitResult(Exception error) => error switch
    {
        MongoCommandException command => command.HasLabel(StoreErrors.UnknownTransactionCommitResult) || RetryableErrors.IsRetryable(command),
        MongoConnectionException or MongoServerSelectionException => true,
        _ => false,
    };

    private static Exception? Unavailable(Exception error, string what) =>
        StoreErrors.IsUnavailable(error) ? new StoreUnavailableException($"MongoDB did not complete {what}: {error.Message}", error) : null;

    private static async Task AbortQuietlyAsync(MongoSession session)
    {
        try
        {
            await session.AbortTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MongoCommandException or MongoConnectionException or MongoServerSelectionException)
        {
            // The spec ignores abort errors: the server aborts an unfinished transaction on its own.
        }
    }

    /// <summary>Conflicting transactions retrying in lockstep would collide again; a short random pause spreads them.</summary>
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 << Math.Min(attempt, 6))), cancellationToken);
}
