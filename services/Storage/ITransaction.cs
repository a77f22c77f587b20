namespace CapacityHub.Storage;

/// <summary>Collections seen through one transaction: reads see its own writes; all writes commit together.</summary>
public interface ITransaction
{
    IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
        where T : class;
}
