using System.Collections.Concurrent;
using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Store;
using CapacityHub.Storage.Mongo.Tests.EndToEnd;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Store;

/// <summary>
/// A MongoDocumentStore on the in-process fake server (a one-member replica set on a real loopback socket),
/// migrated with the contract's collections, recording every command the store sends (CommandStartedEvent).
/// </summary>
internal sealed class StoreOnFakeServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<CommandStartedEvent> events = new();

    private StoreOnFakeServer(FakeMongoServer server, string extraOptions)
    {
        Server = server;
        Store = MongoDocumentStore.Open(new MongoStoreOptions
        {
            ConnectionString = $"mongodb://{server.Address}/capacityhub?replicaSet=rs0&serverSelectionTimeoutMS=3000&heartbeatFrequencyMS=500{extraOptions}",
            CommandStarted = events.Enqueue,
        });
    }

    public FakeMongoServer Server { get; }

    public MongoDocumentStore Store { get; }

    public IDocumentCollection<Participant> Participants => Store.Collection(TestCollections.Participants);

    public IDocumentCollection<Tally> Tallies => Store.Collection(TestCollections.Tallies);

    public IReadOnlyList<CommandStartedEvent> Events => [.. events];

    public static async Task<StoreOnFakeServer> StartAsync(string extraOptions = "")
    {
        var fake = new StoreOnFakeServer(new FakeMongoServer(replicaSet: "rs0"), extraOptions);
        await fake.Store.MigrateAsync(TestCollections.All);
        fake.events.Clear();
        return fake;
    }

    public List<BsonDocument> Sent(string commandName) => [.. Events.Where(e => e.CommandName == commandName).Select(e => e.Command)];

    public void ClearEvents() => events.Clear();

    /// <summary>The command without its session fields, to compare with an expected document.</summary>
    public static BsonDocument WithoutSession(BsonDocument command)
    {
        var copy = command.DeepClone().AsBsonDocument;
        copy.Remove("lsid");
        copy.Remove("txnNumber");
        return copy;
    }

    public static BsonDocument Stored(string id, long version, string training = "t-1", string email = "p@cert.example", long createdAt = 1_700_000_000_000) => new()
    {
        { "_id", id }, { "_v", version }, { "id", id }, { "trainingId", training }, { "email", email }, { "country", "JP" },
        { "status", "nominated" }, { "createdAtUnixMs", createdAt }, { "certified", false }, { "score", BsonNull.Value },
        { "venue", BsonNull.Value }, { "notes", "" },
    };

    public static BsonDocument CursorReply(string collection, IEnumerable<BsonDocument> batch) => new()
    {
        { "cursor", new BsonDocument { { "id", 0L }, { "ns", "capacityhub." + collection }, { "firstBatch", new BsonArray(batch) } } },
        { "ok", 1 },
    };

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Server.DisposeAsync();
    }
}
