using CapacityHub.Storage.Mongo.Commands;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

/// <summary>The same client against a real MongoDB, when one is provided through CAPACITYHUB_TEST_MONGODB_URI.</summary>
public sealed class RealServerTests
{
    [RealServerFact]
    public async Task InsertFindAndDropRoundTrip()
    {
        await using var client = new MongoClient(RealServerFactAttribute.Uri!);
        var collection = client.GetDatabase("capacityhub_tests").GetCollection("wire_" + Guid.NewGuid().ToString("N"));
        try
        {
            await collection.InsertManyAsync([.. Enumerable.Range(1, 5).Select(i => new BsonDocument { { "_id", i }, { "kind", "cyber" } })]);
            var found = await collection.Find(new BsonDocument("kind", "cyber"), new FindOptions { BatchSize = 2, Sort = new BsonDocument("_id", 1) }).ToListAsync();
            Assert.Equal([1, 2, 3, 4, 5], found.Select(d => d["_id"].AsInt32));

            var updated = await collection.UpdateOneAsync(new BsonDocument("_id", 1), new BsonDocument("$set", new BsonDocument("kind", "policy")));
            Assert.Equal(1, updated["nModified"].ToInt32());
            Assert.Equal(4, await collection.CountAsync(new BsonDocument("kind", "cyber")));

            var error = await Assert.ThrowsAsync<MongoCommandException>(() => collection.InsertOneAsync(new BsonDocument("_id", 1)));
            Assert.Equal(11000, error.Code);
        }
        finally
        {
            await collection.DropAsync();
        }
    }
}
