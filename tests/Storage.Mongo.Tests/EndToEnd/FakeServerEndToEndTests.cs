using CapacityHub.Storage.Mongo.Auth;
using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Topology;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

/// <summary>The whole client (handshake, SCRAM, pool, selection, cursors, retries) against the fake server on a real socket.</summary>
public sealed class FakeServerEndToEndTests
{
    private const string Fast = "serverSelectionTimeoutMS=3000&heartbeatFrequencyMS=500";

    [Fact]
    public async Task HandshakeSendsClientMetadataAndAppName()
    {
        await using var server = new FakeMongoServer();
        await using var client = new MongoClient($"mongodb://{server.Address}/?appName=trainings&{Fast}");

        await client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 1));

        var hello = server.CommandsNamed("hello").First(h => h.Contains("client"));
        Assert.Equal("capacityhub", hello["client"]["driver"]["name"].AsString);
        Assert.Equal("trainings", hello["client"]["application"]["name"].AsString);
        Assert.True(hello["client"]["os"].AsBsonDocument.Contains("type"));
        Assert.Equal("admin", hello["$db"].AsString);
        Assert.Equal(TopologyType.Single, client.Cluster.Description.Type);
    }

    [Fact]
    public async Task ScramSha256AuthenticatesAgainstARealServerComputation()
    {
        await using var server = new FakeMongoServer(credential: ("trainer", "s3cr&t"));
        await using var client = new MongoClient($"mongodb://trainer:s3cr%26t@{server.Address}/test?{Fast}");

        await client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 1));

        var start = Assert.Single(server.CommandsNamed("saslStart"));
        Assert.Equal("SCRAM-SHA-256", start["mechanism"].AsString);
        Assert.Equal("test", start["$db"].AsString);
        Assert.Single(server.CommandsNamed("insert"));
    }

    [Fact]
    public async Task WrongPasswordFailsWithAuthenticationError()
    {
        await using var server = new FakeMongoServer(credential: ("trainer", "right"));
        await using var client = new MongoClient($"mongodb://trainer:wrong@{server.Address}/?{Fast}");

        var error = await Assert.ThrowsAsync<MongoAuthenticationException>(() =>
            client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 1)));
        Assert.Contains("AuthenticationFailed", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.CommandsNamed("insert"));
    }

    [Fact]
    public async Task FindStreamsAllBatchesWithGetMore()
    {
        await using var server = new FakeMongoServer();
        server.Seed("trainings", Enumerable.Range(1, 5).Select(i => new BsonDocument { { "_id", i }, { "kind", "cyber" } }));
        await using var client = new MongoClient($"mongodb://{server.Address}/?{Fast}");
        var collection = client.GetDatabase("test").GetCollection("trainings");

        var found = await collection.Find(new BsonDocument("kind", "cyber"), new FindOptions { BatchSize = 2 }).ToListAsync();

        Assert.Equal([1, 2, 3, 4, 5], found.Select(d => d["_id"].AsInt32));
        var getMores = server.CommandsNamed("getMore").ToList();
        Assert.Equal(2, getMores.Count);
        Assert.All(getMores, g => Assert.Equal("trainings", g["collection"].AsString));
        Assert.All(getMores, g => Assert.Equal(2, g["batchSize"].AsInt32));
        Assert.Empty(server.CommandsNamed("killCursors"));
    }

    [Fact]
    public async Task StoppingEarlyKillsTheServerCursor()
    {
        await using var server = new FakeMongoServer();
        server.Seed("trainings", Enumerable.Range(1, 10).Select(i => new BsonDocument("_id", i)));
        await using var client = new MongoClient($"mongodb://{server.Address}/?{Fast}");

        await foreach (var document in client.GetDatabase("test").GetCollection("trainings").Find([], new FindOptions { BatchSize = 3 }))
        {
            if (document["_id"].AsInt32 == 2)
            {
                break;
            }
        }

        var kill = Assert.Single(server.CommandsNamed("killCursors"));
        Assert.Equal("trainings", kill["killCursors"].AsString);
        Assert.Single(kill["cursors"].AsBsonArray);
    }

    [Fact]
    public async Task ServerErrorsBecomeCommandExceptionsWithCodeAndLabels()
    {
        await using var server = new FakeMongoServer();
        server.FailNext("insert", new BsonDocument { { "ok", 0 }, { "errmsg", "E11000 duplicate key" }, { "code", 11000 }, { "codeName", "DuplicateKey" }, { "errorLabels", new BsonArray { "SomeLabel" } } });
        await using var client = new MongoClient($"mongodb://{server.Address}/?{Fast}");

        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 1)));
        Assert.Equal(11000, error.Code);
        Assert.Equal("DuplicateKey", error.CodeName);
        Assert.Contains("SomeLabel", error.ErrorLabels);
        Assert.Single(server.CommandsNamed("insert"));
    }

    [Fact]
    public async Task RetryableWriteIsRetriedOnceAfterANetworkErrorWithTheSameTxnNumber()
    {
        await using var server = new FakeMongoServer(replicaSet: "rs0");
        await using var client = new MongoClient($"mongodb://{server.Address}/?replicaSet=rs0&{Fast}");
        server.FailNext("insert", null);

        await client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 7));

        var attempts = server.CommandsNamed("insert").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0]["txnNumber"], attempts[1]["txnNumber"]);
        Assert.Equal(attempts[0]["lsid"], attempts[1]["lsid"]);
        Assert.Equal(TopologyType.ReplicaSetWithPrimary, client.Cluster.Description.Type);
    }

    [Fact]
    public async Task RetryableErrorLabelIsRetriedButOnlyOnce()
    {
        await using var server = new FakeMongoServer(replicaSet: "rs0");
        await using var client = new MongoClient($"mongodb://{server.Address}/?replicaSet=rs0&{Fast}");
        var notPrimary = new BsonDocument { { "ok", 0 }, { "errmsg", "not primary" }, { "code", 10107 }, { "codeName", "NotWritablePrimary" }, { "errorLabels", new BsonArray { "RetryableWriteError" } } };
        server.FailNext("insert", notPrimary);

        await client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 8));
        Assert.Equal(2, server.CommandsNamed("insert").Count());

        server.FailNext("insert", notPrimary, times: 2);
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 9)));
        Assert.Equal(10107, error.Code);
        Assert.Equal(4, server.CommandsNamed("insert").Count());
    }

    [Fact]
    public async Task RetryWritesFalseDoesNotRetry()
    {
        await using var server = new FakeMongoServer(replicaSet: "rs0");
        await using var client = new MongoClient($"mongodb://{server.Address}/?replicaSet=rs0&retryWrites=false&{Fast}");
        server.FailNext("insert", null);

        await Assert.ThrowsAsync<CapacityHub.Storage.Mongo.Connection.MongoConnectionException>(() =>
            client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 1)));
        Assert.Single(server.CommandsNamed("insert"));
        Assert.False(server.CommandsNamed("insert").Single().Contains("txnNumber"));
    }

    [Fact]
    public async Task TransactionCommandsCarryTheSessionAndTransactionFields()
    {
        await using var server = new FakeMongoServer(replicaSet: "rs0");
        await using var client = new MongoClient($"mongodb://{server.Address}/?replicaSet=rs0&{Fast}");
        var collection = client.GetDatabase("test").GetCollection("nominations");
        var session = client.StartSession();

        session.StartTransaction();
        await collection.InsertOneAsync(new BsonDocument("_id", 1), session);
        await collection.InsertOneAsync(new BsonDocument("_id", 2), session);
        await session.CommitTransactionAsync();

        var inserts = server.CommandsNamed("insert").ToList();
        Assert.True(inserts[0]["startTransaction"].AsBoolean);
        Assert.False(inserts[1].Contains("startTransaction"));
        Assert.All(inserts, i => Assert.False(i["autocommit"].AsBoolean));
        var commit = Assert.Single(server.CommandsNamed("commitTransaction"));
        Assert.Equal("admin", commit["$db"].AsString);
        Assert.Equal(inserts[0]["txnNumber"], commit["txnNumber"]);
        Assert.Equal(session.Id, commit["lsid"].AsBsonDocument);
        Assert.False(session.InTransaction);
    }

    [Fact]
    public async Task ServerSelectionTimesOutWithTheTopologyInTheMessage()
    {
        int port;
        await using (var server = new FakeMongoServer())
        {
            port = server.Port;
        }

        await using var client = new MongoClient($"mongodb://127.0.0.1:{port}/?serverSelectionTimeoutMS=300&connectTimeoutMS=200");
        var error = await Assert.ThrowsAsync<MongoServerSelectionException>(() =>
            client.GetDatabase("test").GetCollection("trainings").InsertOneAsync(new BsonDocument("_id", 1)));
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SrvStringsAreReportedAsUnsupported()
    {
        var error = Assert.Throws<NotSupportedException>(() => new MongoClient("mongodb+srv://cluster0.example.com/"));
        Assert.Contains("SRV", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}
