namespace CapacityHub.Storage.Telemetry;

/// <summary>The collections of one transaction, traced like auto-commit ones (their spans nest under "transact").</summary>
internal sealed class TracedTransaction(ITransaction inner, StoreOperations operations) : ITransaction
{
    public IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
        where T : class => new TracedCollection<T>(inner.Collection(spec), operations);
}
