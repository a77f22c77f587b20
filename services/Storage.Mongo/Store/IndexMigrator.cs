using CapacityHub.Storage.Mongo.Commands;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// Brings one collection's indexes in line with its spec: creates the collection if missing, drops indexes
/// that are no longer declared or whose definition changed, and creates the missing ones in one createIndexes.
/// </summary>
internal sealed class IndexMigrator(MongoDatabase database)
{
    private const int NamespaceNotFound = 26;
    private const int NamespaceExists = 48;

    public async Task MigrateAsync(CollectionSpec spec, CancellationToken cancellationToken)
    {
        var declared = spec.Indexes.Select(IndexDefinitions.For).ToList();
        var existing = await ListAsync(spec.Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            await CreateCollectionAsync(spec.Name, cancellationToken).ConfigureAwait(false);
            existing = [];
        }

        foreach (var index in existing.Where(i => i["name"].AsString != "_id_"))
        {
            var wanted = declared.FirstOrDefault(d => d["name"].AsString == index["name"].AsString);
            if (wanted is null || !IndexDefinitions.Matches(index, wanted))
            {
                await database.RunCommandAsync(new BsonDocument { { "dropIndexes", spec.Name }, { "index", index["name"] } }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        var missing = declared.Where(d => !existing.Any(e => e["name"] == d["name"] && IndexDefinitions.Matches(e, d))).ToList();
        if (missing.Count > 0)
        {
            await database.GetCollection(spec.Name).CreateIndexesAsync(missing, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The collection's indexes, or null when the collection does not exist yet.</summary>
    private async Task<List<BsonDocument>?> ListAsync(string collection, CancellationToken cancellationToken)
    {
        try
        {
            // A collection has at most 64 indexes, so the first batch holds them all.
            var reply = await database.RunCommandAsync(new BsonDocument { { "listIndexes", collection }, { "cursor", new BsonDocument("batchSize", 1000) } }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return [.. reply["cursor"]["firstBatch"].AsBsonArray.Select(i => i.AsBsonDocument)];
        }
        catch (MongoCommandException e) when (e.Code == NamespaceNotFound)
        {
            return null;
        }
    }

    // Created up front: transactions on servers before 4.4 cannot create collections implicitly.
    private async Task CreateCollectionAsync(string collection, CancellationToken cancellationToken)
    {
        try
        {
            await database.RunCommandAsync(new BsonDocument("create", collection), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MongoCommandException e) when (e.Code == NamespaceExists)
        {
            // Another replica of the service created it first.
        }
    }
}
