using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>Splits a large insert into commands that stay well under the server's batch and message limits.</summary>
internal static class InsertBatches
{
    public const int MaxDocuments = 1000;

    // maxMessageSizeBytes is 48 MB; 16 MB per command leaves room for any single (at most 16 MB) document.
    public const int MaxBytes = 16 * 1024 * 1024;

    public static IEnumerable<List<BsonDocument>> Split(IReadOnlyList<BsonDocument> documents)
    {
        var batch = new List<BsonDocument>();
        var bytes = 0;
        foreach (var document in documents)
        {
            var size = document.ToBson().Length;
            if (batch.Count > 0 && (batch.Count == MaxDocuments || bytes + size > MaxBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(document);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
