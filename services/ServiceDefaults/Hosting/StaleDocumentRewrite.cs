using CapacityHub.Storage;

namespace CapacityHub.ServiceDefaults.Hosting;

/// <summary>
/// Rewrites, at start-up, the documents of one collection that an earlier version stored without something
/// this version queries on (e.g. search text), each from its own content under its version. A document
/// changed meanwhile was written by this version and is left alone, so the rewrite is idempotent and safe
/// beside live writes.
/// </summary>
public sealed class StaleDocumentRewrite<T>(CollectionSpec<T> collection, Func<T, bool> isStale, Func<Document<T>, T> rewrite) : IStoreUpgrade
    where T : class
{
    public async Task UpgradeAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var documents = store.Collection(collection);
        var stale = new List<Document<T>>();
        await foreach (var doc in documents.FindAllAsync(Filter.All, cancellationToken: cancellationToken))
        {
            if (isStale(doc.Value))
            {
                stale.Add(doc);
            }
        }

        foreach (var doc in stale)
        {
            try
            {
                await documents.ReplaceAsync(rewrite(doc), doc.Version, cancellationToken);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentNotFoundException)
            {
                // Changed by this version meanwhile, or deleted.
            }
        }
    }
}
