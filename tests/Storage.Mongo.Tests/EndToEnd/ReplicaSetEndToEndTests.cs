using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Topology;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

/// <summary>Discovery, read routing and failover across two fake replica-set members on real sockets.</summary>
public sealed class ReplicaSetEndToEndTests
{
    [Fact]
    public async Task DiscoversMembersFromOneSeedAndRoutesReadsAndWrites()
    {
        await using var primary = new FakeMongoServer(replicaSet: "rs0");
        await using var secondary = new FakeMongoServer(replicaSet: "rs0") { IsSecondary = true };
        primary.Members = secondary.Members = [primary.Address, secondary.Address];
        secondary.Seed("trainings", [new BsonDocument("_id", 1)]);

        await using var client = new MongoClient($"mongodb://{primary.Address}/?replicaSet=rs0&readPreference=secondary&heartbeatFrequencyMS=500&serverSelectionTimeoutMS=5000");
        var collection = client.GetDatabase("test").GetCollection("trainings");

        var found = await collection.Find([]).ToListAsync();
        await collection.InsertOneAsync(new BsonDocument("_id", 2));

        Assert.Single(found);
        Assert.Single(secondary.CommandsNamed("find"));
        Assert.Empty(primary.CommandsNamed("find"));
        Assert.Single(primary.CommandsNamed("insert"));
        var topology = client.Cluster.Description;
        Assert.Equal(TopologyType.ReplicaSetWithPrimary, topology.Type);
        Assert.Equal(ServerType.RSSecondary, topology.Servers[secondary.Address].Type);
    }

    [Fact]
    public async Task WriteFollowsTheNewPrimaryAfterAStepDown()
    {
        await using var first = new FakeMongoServer(replicaSet: "rs0");
        await using var second = new FakeMongoServer(replicaSet: "rs0") { IsSecondary = true };
        first.Members = second.Members = [first.Address, second.Address];
        await using var client = new MongoClient($"mongodb://{first.Address},{second.Address}/?replicaSet=rs0&heartbeatFrequencyMS=500&serverSelectionTimeoutMS=5000");
        var collection = client.GetDatabase("test").GetCollection("trainings");
        await collection.InsertOneAsync(new BsonDocument("_id", 1));

        first.IsSecondary = true;
        second.IsSecondary = false;
        second.Election = 2;
        await collection.InsertOneAsync(new BsonDocument("_id", 2));

        Assert.Equal(2, first.CommandsNamed("insert").Count());
        var retried = Assert.Single(second.CommandsNamed("insert"));
        Assert.Equal(first.CommandsNamed("insert").Last()["txnNumber"], retried["txnNumber"]);
        Assert.Equal(ServerType.RSPrimary, client.Cluster.Description.Servers[second.Address].Type);
    }
}
