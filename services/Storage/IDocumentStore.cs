namespace CapacityHub.Storage;

/// <summary>
/// One service's store: its declared collections, atomic transactions across them, and readiness.
/// Thread-safe; register one instance per service (singleton) and dispose it on shutdown.
/// </summary>
public interface IDocumentStore : IStoreHealth, IAsyncDisposable
{
    /// <summary>
    /// Creates collections and indexes, replaces indexes whose definition changed and drops indexes no longer
    /// declared. Idempotent: call it at start-up with every collection of the service.
    /// </summary>
    Task MigrateAsync(IEnumerable<CollectionSpec> collections, CancellationToken cancellationToken = default);

    /// <summary>Auto-commit access to a collection passed to <see cref="MigrateAsync"/>.</summary>
    IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
        where T : class;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: it commits when the delegate returns and rolls back
    /// when it throws (the exception propagates). The delegate may run again after a transient conflict, so
    /// it must not have effects outside the store. Inside it, use only the collections of the transaction.
    /// </summary>
    Task<TResult> TransactAsync<TResult>(Func<ITransaction, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default);
}
