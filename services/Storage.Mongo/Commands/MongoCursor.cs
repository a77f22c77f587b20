using System.Runtime.CompilerServices;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>
/// A server cursor as an async stream: yields the first batch, then issues getMore on the same server until
/// the cursor id is 0. If the consumer stops early, the cursor is killed with killCursors.
/// </summary>
public sealed class MongoCursor(MongoCollection collection, BsonDocument firstReply, string address, int? batchSize, MongoSession? session, BsonValue? getMoreComment = null) : IAsyncEnumerable<BsonDocument>
{
    public async IAsyncEnumerator<BsonDocument> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var cursor = firstReply["cursor"].AsBsonDocument;
        var id = cursor["id"].ToInt64();
        var batch = cursor["firstBatch"].AsBsonArray;
        var namespaceName = cursor.GetValue("ns", $"{collection.Database.Name}.{collection.Name}").AsString;
        var collectionName = namespaceName[(namespaceName.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var finished = false;
        try
        {
            while (true)
            {
                foreach (var document in batch)
                {
                    yield return document.AsBsonDocument;
                }

                if (id == 0)
                {
                    finished = true;
                    yield break;
                }

                var reply = await collection.RunOnServerAsync(CrudCommands.GetMore(id, collectionName, batchSize, getMoreComment), address, session, cancellationToken).ConfigureAwait(false);
                cursor = reply["cursor"].AsBsonDocument;
                id = cursor["id"].ToInt64();
                batch = cursor["nextBatch"].AsBsonArray;
            }
        }
        finally
        {
            if (!finished && id != 0)
            {
                await KillAsync(collectionName, id).ConfigureAwait(false);
            }
        }
    }

    private async Task KillAsync(string collectionName, long id)
    {
        try
        {
            await collection.RunOnServerAsync(CrudCommands.KillCursors(collectionName, id), address, session, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MongoCommandException or Connection.MongoConnectionException)
        {
            // The server reaps abandoned cursors after its timeout; a failed kill loses nothing.
        }
    }
}
