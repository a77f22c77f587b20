namespace CapacityHub.Storage.Telemetry;

/// <summary>
/// A store whose every operation is a client span and a duration measurement; a transaction is one
/// "transact" span with the operations inside it (every attempt, when a backend re-runs it) beneath.
/// </summary>
internal sealed class TracedDocumentStore(IDocumentStore inner, StoreOperations operations) : IDocumentStore
{
    public Task MigrateAsync(IEnumerable<CollectionSpec> collections, CancellationToken cancellationToken = default) =>
        operations.RunAsync<bool>("migrate", null, async () =>
        {
            await inner.MigrateAsync(collections, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
        where T : class => new TracedCollection<T>(inner.Collection(spec), operations);

    public Task<TResult> TransactAsync<TResult>(Func<ITransaction, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default) =>
        operations.RunAsync("transact", null, () =>
            inner.TransactAsync((transaction, ct) => work(new TracedTransaction(transaction, operations), ct), cancellationToken));

    // Not traced: readiness pings every few seconds would fill the trace store with one-span traces.
    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
