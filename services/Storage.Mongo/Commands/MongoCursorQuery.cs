using System.Runtime.CompilerServices;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>A find that has not run yet; enumerating it sends find, then getMore as needed.</summary>
public sealed class MongoCursorQuery(MongoCollection collection, BsonDocument filter, FindOptions options, MongoSession? session) : IAsyncEnumerable<BsonDocument>
{
    public async IAsyncEnumerator<BsonDocument> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var (reply, address) = await collection.ReadAsync(CrudCommands.Find(collection.Name, filter, options), session, cancellationToken).ConfigureAwait(false);
        await foreach (var document in new MongoCursor(collection, reply, address, options.BatchSize, session).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    public async Task<List<BsonDocument>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var documents = new List<BsonDocument>();
        await foreach (var document in WithCancellation(cancellationToken))
        {
            documents.Add(document);
        }

        return documents;
    }

    private ConfiguredCancelableAsyncEnumerable<BsonDocument> WithCancellation(CancellationToken cancellationToken) =>
        TaskAsyncEnumerableExtensions.WithCancellation(this, cancellationToken).ConfigureAwait(false);
}
