using CapacityHub.Storage.Mongo.Commands;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

public sealed class WriteConcernTests
{
    [Fact]
    public async Task ConnectionStringWriteConcernGoesOnWritesButNotReads()
    {
        await using var server = new FakeMongoServer();
        await using var client = new MongoClient($"mongodb://{server.Address}/?w=majority&journal=true&wtimeoutMS=500&serverSelectionTimeoutMS=3000");
        var collection = client.GetDatabase("test").GetCollection("trainings");

        await collection.InsertOneAsync(new BsonDocument("_id", 1));
        await collection.Find([]).ToListAsync();

        Assert.Equal(new BsonDocument { { "w", "majority" }, { "j", true }, { "wtimeout", 500 } }, server.CommandsNamed("insert").Single()["writeConcern"]);
        Assert.False(server.CommandsNamed("find").Single().Contains("writeConcern"));
    }

    [Fact]
    public async Task InsideATransactionOnlyTheCommitCarriesTheWriteConcern()
    {
        await using var server = new FakeMongoServer(replicaSet: "rs0");
        await using var client = new MongoClient($"mongodb://{server.Address}/?replicaSet=rs0&w=2&serverSelectionTimeoutMS=3000");
        var session = client.StartSession();

        session.StartTransaction();
        await client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 1), session);
        await session.CommitTransactionAsync();

        Assert.False(server.CommandsNamed("insert").Single().Contains("writeConcern"));
        Assert.Equal(new BsonDocument("w", 2), server.CommandsNamed("commitTransaction").Single()["writeConcern"]);
    }

    [Fact]
    public async Task AbortWithoutAnyOperationSendsNothing()
    {
        await using var server = new FakeMongoServer(replicaSet: "rs0");
        await using var client = new MongoClient($"mongodb://{server.Address}/?replicaSet=rs0&serverSelectionTimeoutMS=3000");
        var session = client.StartSession();

        session.StartTransaction();
        await session.AbortTransactionAsync();

        Assert.Empty(server.CommandsNamed("abortTransaction"));
        Assert.False(session.InTransaction);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitTransactionAsync());
    }
}
