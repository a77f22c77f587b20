using MongoDB.Bson;
using MongoDB.Driver;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// Brings one collection's indexes in line with its spec: creates the collection if missing, drops indexes
/// that are no longer declared or whose definition changed, and creates the missing ones in one createIndexes.
/// </summary>
internal sealed class IndexMigrator(IMongoDatabase database)
{
    public async Task MigrateAsync(CollectionSpec spec, CancellationToken cancellationToken)
    {
        var declared = spec.Indexes.Select(IndexDefinitions.For).ToList();
        await CreateCollectionAsync(spec.Name, cancellationToken).ConfigureAwait(false);
        var collection = database.GetCollection<BsonDocument>(spec.Name);
        var existing = await (await collection.Indexes.ListAsync(cancellationToken).ConfigureAwait(false)).ToListAsync(cancellationToken).ConfigureAwait(false);

        foreach (var index in existing.Where(i => i["name"].AsString != "_id_"))
        {
            var wanted = declared.FirstOrDefault(d => d["name"].AsString == index["name"].AsString);
            if (wanted is null || !IndexDefinitions.Matches(index, wanted))
            {
                await collection.Indexes.DropOneAsync(index["name"].AsString, cancellationToken).ConfigureAwait(false);
            }
        }

        var missing = declared.Where(d => !existing.Any(e => e["name"] == d["name"] && IndexDefinitions.Matches(e, d))).ToList();
        if (missing.Count > 0)
        {
            await collection.Indexes.CreateManyAsync(missing.Select(IndexDefinitions.Model), cancellationToken).ConfigureAwait(false);
        }
    }

    // Created up front: a transaction's first insert would otherwise have to create it, which older servers refuse.
    private async Task CreateCollectionAsync(string collection, CancellationToken cancellationToken)
    {
        try
        {
            await database.CreateCollectionAsync(collection, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MongoCommandException e) when (e.Code == StoreErrors.NamespaceExists)
        {
            // Created earlier, or by another replica of the service.
        }
    }
}
