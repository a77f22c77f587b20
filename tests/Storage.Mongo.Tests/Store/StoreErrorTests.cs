using System.Net;
using System.Net.Sockets;
using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Mongo.Commands;
using MongoDB.Bson;
using MongoDocumentStore = CapacityHub.Storage.Mongo.Store.MongoDocumentStore;
using MongoStoreOptions = CapacityHub.Storage.Mongo.Store.MongoStoreOptions;
using static CapacityHub.Storage.Mongo.Tests.Store.StoreOnFakeServer;

namespace CapacityHub.Storage.Mongo.Tests.Store;

/// <summary>Server errors (as a real server words them) become the abstraction's exceptions, or retries where the specs say so.</summary>
public sealed class StoreErrorTests
{
    [Theory]
    [InlineData("oneSeatPerEmail", "oneSeatPerEmail")]
    [InlineData("_id_", "_id")]
    public async Task E11000_becomes_DuplicateKeyException_naming_the_declared_index(string serverIndexName, string expected)
    {
        await using var fake = await StartAsync();
        fake.Server.FailNext("insert", new BsonDocument
        {
            { "n", 0 },
            {
                "writeErrors", new BsonArray
                {
                    new BsonDocument
                    {
                        { "index", 0 }, { "code", 11000 }, { "codeName", "DuplicateKey" },
                        { "errmsg", $"E11000 duplicate key error collection: capacityhub.participants index: {serverIndexName} dup key: {{ trainingId: \"t-1\", email: \"p-1@cert.example\" }}" },
                    },
                }
            },
            { "ok", 1 },
        });

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => fake.Participants.InsertAsync(TestCollections.Person("p-1")));

        Assert.Equal(expected, error.IndexName);
        Assert.Equal("participants", error.Collection);
        Assert.Equal(11000, Assert.IsType<MongoCommandException>(error.InnerException).Code);
    }

    [Fact]
    public async Task A_unique_index_build_over_duplicates_is_refused_naming_the_index()
    {
        await using var fake = await StartAsync();
        fake.Server.FailNext("createIndexes", new BsonDocument
        {
            { "ok", 0 }, { "code", 11000 }, { "codeName", "DuplicateKey" },
            { "errmsg", "Index build failed: 4f2c: Collection capacityhub.participants ( 5e1d ) :: caused by :: E11000 duplicate key error collection: capacityhub.participants index: oneForCountry dup key: { country: \"JP\" }" },
        });

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => fake.Store.MigrateAsync([TestCollections.Participants.UniqueIndex("oneForCountry", "country")]));

        Assert.Equal("oneForCountry", error.IndexName);
    }

    [Fact]
    public async Task A_WriteConflict_labelled_TransientTransactionError_aborts_and_runs_the_whole_transaction_again()
    {
        await using var fake = await StartAsync();
        fake.Server.Respond("findAndModify", _ => new BsonDocument { { "value", new BsonDocument { { "_id", "t" }, { "_v", 2L }, { "id", "t" }, { "count", 1L }, { "sum", 0 }, { "other", 0L } } }, { "ok", 1 } });
        fake.Server.FailNext("findAndModify", new BsonDocument
        {
            { "ok", 0 }, { "code", 112 }, { "codeName", "WriteConflict" }, { "errorLabels", new BsonArray { "TransientTransactionError" } },
            { "errmsg", "Caused by :: Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction." },
        });
        var runs = 0;

        var result = await fake.Store.TransactAsync(async (tx, ct) =>
        {
            runs++;
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"), ct);
            return await tx.Collection(TestCollections.Tallies).IncrementAsync("t", [Increment.By("count", 1L)], cancellationToken: ct);
        });

        Assert.Equal(2, runs);
        Assert.Equal(1, result.Value.Count);
        Assert.Equal(["insert", "findAndModify", "abortTransaction", "insert", "findAndModify", "commitTransaction"], fake.Events.Select(e => e.CommandName));
        var sent = fake.Events.Select(e => e.Command).ToList();
        Assert.Single(sent.Select(c => c["lsid"]).Distinct());
        Assert.Equal([1L, 1L, 1L, 2L, 2L, 2L], sent.Select(c => c["txnNumber"].AsInt64));
        Assert.True(sent[3]["startTransaction"].AsBoolean);
    }

    [Fact]
    public async Task A_commit_with_an_unknown_result_is_retried_with_the_same_txnNumber_without_running_the_work_again()
    {
        await using var fake = await StartAsync();
        fake.Server.FailNext("commitTransaction", new BsonDocument
        {
            { "ok", 0 }, { "code", 50 }, { "codeName", "MaxTimeMSExpired" }, { "errorLabels", new BsonArray { "UnknownTransactionCommitResult" } },
            { "errmsg", "operation exceeded time limit" },
        });
        var runs = 0;

        await fake.Store.TransactAsync(async (tx, ct) =>
        {
            runs++;
            return await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"), ct);
        });

        Assert.Equal(1, runs);
        var commits = fake.Sent("commitTransaction");
        Assert.Equal(2, commits.Count);
        Assert.Equal(commits[0]["txnNumber"], commits[1]["txnNumber"]);
        Assert.Equal(commits[0]["lsid"], commits[1]["lsid"]);
        Assert.Empty(fake.Sent("abortTransaction"));
    }

    [Fact]
    public async Task A_work_error_rolls_back_and_propagates_without_a_retry()
    {
        await using var fake = await StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => fake.Store.TransactAsync<int>(async (tx, ct) =>
        {
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"), ct);
            throw new InvalidOperationException("rule broken");
        }));

        Assert.Equal(["insert", "abortTransaction"], fake.Events.Select(e => e.CommandName));
        Assert.Equal("admin", fake.Events[1].DatabaseName);
    }

    [Fact]
    public async Task NotWritablePrimary_is_retried_once_as_the_same_retryable_write_then_reported_unavailable()
    {
        await using var fake = await StartAsync();
        var notPrimary = new BsonDocument
        {
            { "ok", 0 }, { "code", 10107 }, { "codeName", "NotWritablePrimary" }, { "errmsg", "not primary" },
            { "errorLabels", new BsonArray { "RetryableWriteError" } },
        };
        fake.Server.FailNext("insert", notPrimary);

        await fake.Participants.InsertAsync(TestCollections.Person("p-1"));
        var retried = fake.Sent("insert");
        fake.ClearEvents();
        fake.Server.FailNext("insert", notPrimary, times: 2);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => fake.Participants.InsertAsync(TestCollections.Person("p-2")));

        Assert.Equal(2, retried.Count);
        Assert.Equal(retried[0]["txnNumber"], retried[1]["txnNumber"]);
        Assert.Equal(retried[0]["lsid"], retried[1]["lsid"]);
        Assert.Equal(2, fake.Sent("insert").Count);
        var cause = Assert.IsType<MongoCommandException>(error.InnerException);
        Assert.Equal((10107, "NotWritablePrimary"), (cause.Code, cause.CodeName));
        Assert.Contains("not primary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_server_errors_propagate_with_their_code_and_message()
    {
        await using var fake = await StartAsync();
        fake.Server.FailNext("insert", new BsonDocument { { "ok", 0 }, { "code", 13 }, { "codeName", "Unauthorized" }, { "errmsg", "not authorized on capacityhub to execute command { insert: \"participants\" }" } });

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fake.Participants.InsertAsync(TestCollections.Person("p-1")));

        Assert.Equal((13, "Unauthorized"), (error.Code, error.CodeName));
        Assert.Contains("not authorized on capacityhub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_answers_through_the_primary_and_an_unreachable_server_is_StoreUnavailable()
    {
        await using var fake = await StartAsync();
        await fake.Store.PingAsync();
        Assert.Equal("admin", Assert.Single(fake.Events).DatabaseName);

        await using var unreachable = MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = $"mongodb://127.0.0.1:{ClosedPort()}/capacityhub?serverSelectionTimeoutMS=300&connectTimeoutMS=300" });
        await Assert.ThrowsAsync<StoreUnavailableException>(() => unreachable.PingAsync());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => unreachable.MigrateAsync(TestCollections.All));
    }

    [Fact]
    public void Open_refuses_a_bad_connection_string_or_a_missing_database_without_touching_the_network()
    {
        var noDatabase = Assert.Throws<ArgumentException>(() => MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = "mongodb://db0:27017/" }));
        var invalid = Assert.Throws<ArgumentException>(() => MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = "postgres://db0/capacityhub" }));

        Assert.Contains("database", noDatabase.Message, StringComparison.Ordinal);
        Assert.Contains("invalid", invalid.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
