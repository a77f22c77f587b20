using System.Net;
using System.Net.Sockets;
using CapacityHub.Storage.Mongo.Store;

namespace CapacityHub.Storage.Mongo.Tests.Store;

/// <summary>Opening a store needs no server; an unreachable one shows as unavailable, never as a hang.</summary>
public sealed class OpeningTests
{
    [Fact]
    public void A_connection_string_without_a_database_is_refused_saying_where_to_put_it()
    {
        var error = Assert.Throws<ArgumentException>(() => MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = "mongodb://127.0.0.1:27017/" }));

        Assert.Contains("Storage:MongoDb:Database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_connection_string_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = "postgres://db/x" }));

        Assert.Contains("invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_on_the_same_connection_string_share_one_client()
    {
        var uri = $"mongodb://127.0.0.1:{ClosedPort()}/?serverSelectionTimeoutMS=200";
        await using var partners = MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = uri, Database = "partners" });
        await using var trainings = MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = uri, Database = "trainings" });

        Assert.Same(partners.Client, trainings.Client);
        Assert.Equal("trainings", trainings.DatabaseName);
    }

    [Fact]
    public async Task Ping_and_migration_against_an_unreachable_server_are_StoreUnavailable()
    {
        var uri = $"mongodb://127.0.0.1:{ClosedPort()}/capacityhub?serverSelectionTimeoutMS=200&connectTimeoutMS=200";
        await using var store = MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = uri });
        var notes = CollectionSpec.For<Note>("notes", n => n.Id);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.MigrateAsync([notes]));
    }

    private sealed record Note(string Id);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
