using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Tests.EndToEnd;
using MongoDB.Bson;
using IndexDefinitions = CapacityHub.Storage.Mongo.Store.IndexDefinitions;
using MongoDocumentStore = CapacityHub.Storage.Mongo.Store.MongoDocumentStore;
using MongoStoreOptions = CapacityHub.Storage.Mongo.Store.MongoStoreOptions;
using static CapacityHub.Storage.Mongo.Tests.Store.StoreOnFakeServer;

namespace CapacityHub.Storage.Mongo.Tests.Store;

/// <summary>
/// The exact command documents MongoDocumentStore sends for each store operation (seen through command
/// monitoring, sent over a real socket to the fake server, which answers with realistic replies).
/// </summary>
public sealed class StoreCommandTests
{
    private static readonly BsonDocument Majority = new() { { "w", "majority" }, { "j", true } };

    [Fact]
    public async Task Migrate_creates_the_collection_and_its_declared_indexes_in_one_createIndexes()
    {
        await using var server = new FakeMongoServer(replicaSet: "rs0");
        var events = new List<CommandStartedEvent>();
        await using var store = MongoDocumentStore.Open(new MongoStoreOptions
        {
            ConnectionString = $"mongodb://{server.Address}/capacityhub?replicaSet=rs0&serverSelectionTimeoutMS=3000",
            CommandStarted = e => { lock (events) { events.Add(e); } },
        });

        await store.MigrateAsync([TestCollections.Participants]);

        Assert.Equal(["listIndexes", "create", "createIndexes"], events.Select(e => e.CommandName));
        Assert.All(events, e => Assert.Equal("capacityhub", e.DatabaseName));
        var createIndexes = events[2].Command;
        Assert.Equal("participants", createIndexes["createIndexes"].AsString);
        BsonAssert.Same(Majority, createIndexes["writeConcern"]);
        var indexes = createIndexes["indexes"].AsBsonArray.Select(i => i.AsBsonDocument).ToList();
        Assert.Equal(["byTraining", "byStatus", "byCountry", "byScore", "byCertified", "byCity", "oneSeatPerEmail"], indexes.Select(i => i["name"].AsString));
        BsonAssert.Same(new BsonDocument { { "key", new BsonDocument { { "trainingId", 1 }, { "createdAtUnixMs", 1 }, { "_id", 1 } } }, { "name", "byTraining" } }, indexes[0]);
        BsonAssert.Same(new BsonDocument { { "venue.city", 1 }, { "_id", 1 } }, indexes[5]["key"]);
        var unique = indexes[6];
        BsonAssert.Same(new BsonDocument { { "trainingId", 1 }, { "email", 1 } }, unique["key"]);
        Assert.True(unique["unique"].AsBoolean);
        var partial = unique["partialFilterExpression"].AsBsonDocument;
        Assert.Equal(["trainingId", "email"], partial.Names);
        Assert.DoesNotContain("null", partial["email"]["$type"].AsBsonArray.Select(t => t.AsString));
        Assert.Contains("string", partial["email"]["$type"].AsBsonArray.Select(t => t.AsString));
    }

    [Fact]
    public async Task Migrate_again_drops_only_changed_or_undeclared_indexes_and_creates_only_missing_ones()
    {
        await using var fake = await StartAsync();
        var declared = TestCollections.Participants.Indexes.Select(IndexDefinitions.For).ToList();
        var listed = new BsonArray { new BsonDocument { { "v", 2 }, { "key", new BsonDocument("_id", 1) }, { "name", "_id_" } } };
        foreach (var index in declared.Where(i => i["name"] != "byStatus"))
        {
            var copy = index.DeepClone().AsBsonDocument;
            copy["v"] = 2;
            listed.Add(copy);
        }

        listed.Add(new BsonDocument { { "v", 2 }, { "key", new BsonDocument("legacy", 1) }, { "name", "byLegacy" } });
        ((BsonDocument)listed[1])["key"] = new BsonDocument { { "trainingId", 1.0 }, { "createdAtUnixMs", 1L }, { "_id", 1 } };
        ((BsonDocument)listed[2])["key"] = new BsonDocument("country", -1);
        fake.Server.Respond("listIndexes", _ => CursorReply("participants", listed.Select(i => i.AsBsonDocument)));

        await fake.Store.MigrateAsync([TestCollections.Participants]);

        Assert.Equal(["byCountry", "byLegacy"], fake.Sent("dropIndexes").Select(c => c["index"].AsString));
        var created = Assert.Single(fake.Sent("createIndexes"));
        Assert.Equal(["byStatus", "byCountry"], created["indexes"].AsBsonArray.Select(i => i["name"].AsString));
        Assert.Empty(fake.Sent("create"));
    }

    [Fact]
    public async Task Insert_sends_id_version_and_fields_with_majority_journaled_write_concern_as_a_retryable_write()
    {
        await using var fake = await StartAsync();

        var inserted = await fake.Participants.InsertAsync(TestCollections.Person("p-1"));

        var insert = Assert.Single(fake.Sent("insert"));
        BsonAssert.Same(
            new BsonDocument { { "insert", "participants" }, { "ordered", true }, { "writeConcern", Majority }, { "documents", new BsonArray { Stored("p-1", 1, email: "p-1@cert.example") } } },
            WithoutSession(insert));
        Assert.Equal(BsonBinarySubType.UuidStandard, insert["lsid"]["id"].AsBsonBinaryData.SubType);
        Assert.Equal(1L, insert["txnNumber"].AsInt64);
        Assert.Equal(new Document<Participant>("p-1", 1, TestCollections.Person("p-1")), inserted);
    }

    [Fact]
    public async Task A_keyset_page_is_a_find_with_filter_sort_and_one_more_than_the_page_and_the_next_page_continues_after_the_last()
    {
        await using var fake = await StartAsync();
        var first = new[] { Stored("p-3", 1, createdAt: 30), Stored("p-2", 1, createdAt: 20), Stored("p-1", 1, createdAt: 20) };
        fake.Server.Respond("find", command => CursorReply("participants", command.Contains("$or") || command["filter"].AsBsonDocument.Contains("$or") ? [first[2]] : first));
        var query = new Query
        {
            Filter = Filter.Where("trainingId", "t-1").AndIn("status", [ParticipantStatus.Nominated, ParticipantStatus.Approved]),
            OrderBy = "createdAtUnixMs",
            Descending = true,
            Limit = 2,
        };

        var page = await fake.Participants.FindAsync(query);
        var next = await fake.Participants.FindAsync(query with { After = page.Next });

        Assert.Equal(["p-3", "p-2"], page.Items.Select(d => d.Id));
        Assert.NotNull(page.Next);
        Assert.Equal(["p-1"], next.Items.Select(d => d.Id));
        Assert.Null(next.Next);
        var finds = fake.Sent("find");
        Assert.Equal(2, finds.Count);
        BsonAssert.Same(
            new BsonDocument
            {
                { "find", "participants" },
                { "filter", new BsonDocument { { "trainingId", "t-1" }, { "status", new BsonDocument("$in", new BsonArray { "nominated", "approved" }) } } },
                { "sort", new BsonDocument { { "createdAtUnixMs", -1 }, { "_id", -1 } } },
                { "limit", 3 },
                { "batchSize", 4 },
            },
            WithoutSession(finds[0]));
        Assert.False(finds[0].Contains("txnNumber"));
        Assert.False(finds[0].Contains("writeConcern"));
        BsonAssert.Same(
            new BsonArray
            {
                new BsonDocument("createdAtUnixMs", new BsonDocument("$lt", 20L)),
                new BsonDocument { { "createdAtUnixMs", 20L }, { "_id", new BsonDocument("$lt", "p-2") } },
                new BsonDocument("createdAtUnixMs", BsonNull.Value),
            },
            finds[1]["filter"]["$or"]);
    }

    [Fact]
    public async Task Replace_is_an_update_conditioned_on_the_version_and_a_stale_version_reads_the_current_one()
    {
        await using var fake = await StartAsync();
        var matched = 1;
        fake.Server.Respond("update", _ => new BsonDocument { { "n", matched }, { "nModified", matched }, { "ok", 1 } });
        fake.Server.Respond("find", _ => CursorReply("participants", [new BsonDocument { { "_id", "p-1" }, { "_v", 5L } }]));
        var changed = TestCollections.Person("p-1") with { Country = "KR" };

        var replaced = await fake.Participants.ReplaceAsync(changed, expectedVersion: 3);
        matched = 0;
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => fake.Participants.ReplaceAsync(changed, expectedVersion: 4));

        Assert.Equal(4, replaced.Version);
        var update = fake.Sent("update")[0];
        var expected = Stored("p-1", 4, email: "p-1@cert.example");
        expected["country"] = "KR";
        BsonAssert.Same(
            new BsonDocument
            {
                { "update", "participants" }, { "ordered", true }, { "writeConcern", Majority },
                { "updates", new BsonArray { new BsonDocument { { "q", new BsonDocument { { "_id", "p-1" }, { "_v", 3L } } }, { "u", expected } } } },
            },
            WithoutSession(update));
        Assert.Equal((4L, 5L), (conflict.ExpectedVersion, conflict.ActualVersion));
        var lookup = Assert.Single(fake.Sent("find"));
        BsonAssert.Same(new BsonDocument("_id", "p-1"), lookup["filter"]);
        BsonAssert.Same(new BsonDocument("_v", 1), lookup["projection"]);
    }

    [Fact]
    public async Task Increment_is_a_findAndModify_with_inc_and_a_missing_document_is_seeded_by_a_setOnInsert_upsert()
    {
        await using var fake = await StartAsync();
        fake.Server.Respond("findAndModify", _ => new BsonDocument { { "lastErrorObject", new BsonDocument { { "n", 0 }, { "updatedExisting", false } } }, { "value", BsonNull.Value }, { "ok", 1 } });
        fake.Server.Respond("update", _ => new BsonDocument { { "n", 1 }, { "nModified", 0 }, { "upserted", new BsonArray { new BsonDocument { { "index", 0 }, { "_id", "t" } } } }, { "ok", 1 } });

        var seeded = await fake.Tallies.IncrementAsync("t", [Increment.By("count", 3L), Increment.By("sum", 0.5)], new Tally("t", 10, 1.5));

        Assert.Equal(new Document<Tally>("t", 2, new Tally("t", 13, 2.0)), seeded);
        var findAndModify = Assert.Single(fake.Sent("findAndModify"));
        BsonAssert.Same(
            new BsonDocument
            {
                { "findAndModify", "tallies" }, { "query", new BsonDocument("_id", "t") },
                { "update", new BsonDocument("$inc", new BsonDocument { { "count", 3L }, { "sum", 0.5 }, { "_v", 1L } }) },
                { "new", true }, { "writeConcern", Majority },
            },
            WithoutSession(findAndModify));
        Assert.True(findAndModify.Contains("txnNumber"));
        var upsert = Assert.Single(fake.Sent("update"))["updates"][0].AsBsonDocument;
        BsonAssert.Same(
            new BsonDocument
            {
                { "q", new BsonDocument("_id", "t") },
                { "u", new BsonDocument("$setOnInsert", new BsonDocument { { "_v", 2L }, { "id", "t" }, { "count", 13L }, { "sum", 2.0 }, { "other", 0L } }) },
                { "upsert", true },
            },
            upsert);
    }

    [Fact]
    public async Task Increment_of_an_existing_document_returns_the_new_value_and_a_non_numeric_field_is_an_argument_error()
    {
        await using var fake = await StartAsync();
        fake.Server.Respond("findAndModify", _ => new BsonDocument { { "value", new BsonDocument { { "_id", "t" }, { "_v", 8L }, { "id", "t" }, { "count", 4L }, { "sum", 0.25 }, { "other", 0L } } }, { "ok", 1 } });

        var updated = await fake.Tallies.IncrementAsync("t", [Increment.By("count", 1L)]);
        fake.Server.FailNext("findAndModify", new BsonDocument
        {
            { "ok", 0 }, { "code", 14 }, { "codeName", "TypeMismatch" },
            { "errmsg", "Cannot apply $inc to a value of non-numeric type. {_id: \"p-1\"} has the field 'country' of non-numeric type string" },
        });
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => fake.Tallies.IncrementAsync("t", [Increment.By("count", 1L)]));

        Assert.Equal(new Document<Tally>("t", 8, new Tally("t", 4, 0.25)), updated);
        Assert.Contains("non-numeric", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Sent("update"));
    }

    [Fact]
    public async Task Upsert_is_a_findAndModify_pipeline_that_replaces_the_fields_and_bumps_the_version()
    {
        await using var fake = await StartAsync();
        fake.Server.Respond("findAndModify", _ => new BsonDocument { { "value", new BsonDocument { { "_id", "t" }, { "_v", 3L } } }, { "ok", 1 } });

        var written = await fake.Tallies.UpsertAsync(new Tally("t", 1, 0.5));

        Assert.Equal(3, written.Version);
        var command = Assert.Single(fake.Sent("findAndModify"));
        BsonAssert.Same(new BsonDocument("_id", "t"), command["query"]);
        Assert.True(command["upsert"].AsBoolean);
        BsonAssert.Same(new BsonDocument("_v", 1), command["fields"]);
        var merge = command["update"][0]["$replaceWith"]["$mergeObjects"].AsBsonArray;
        BsonAssert.Same(new BsonDocument { { "_id", "t" }, { "id", "t" }, { "count", 1L }, { "sum", 0.5 }, { "other", 0L } }, merge[0]["$literal"]);
        BsonAssert.Same(BsonDocument.Parse("{ _v: { $add: [ { $ifNull: ['$_v', 0] }, 1 ] } }"), merge[1]);
    }

    [Fact]
    public async Task Count_and_delete_with_a_version_send_the_expected_commands()
    {
        await using var fake = await StartAsync();
        fake.Server.Respond("aggregate", _ => CursorReply("participants", [new BsonDocument { { "_id", 1 }, { "n", 7 } }]));
        fake.Server.Respond("delete", _ => new BsonDocument { { "n", 1 }, { "ok", 1 } });

        var count = await fake.Participants.CountAsync(Filter.Where("trainingId", "t-1").AndRange("createdAtUnixMs", 10L, 20L));
        var deleted = await fake.Participants.DeleteAsync("p-1", expectedVersion: 2);

        Assert.Equal(7, count);
        Assert.True(deleted);
        BsonAssert.Same(
            BsonDocument.Parse("{ pipeline: [ { $match: { trainingId: 't-1', createdAtUnixMs: { $gte: NumberLong(10), $lt: NumberLong(20) } } }, { $group: { _id: 1, n: { $sum: 1 } } } ] }")["pipeline"],
            fake.Sent("aggregate")[0]["pipeline"]);
        BsonAssert.Same(BsonDocument.Parse("{ q: { _id: 'p-1', _v: NumberLong(2) }, limit: 1 }"), fake.Sent("delete")[0]["deletes"][0]);
    }

    [Fact]
    public async Task A_transaction_sends_one_session_one_txnNumber_startTransaction_first_and_commits_with_the_write_concern()
    {
        await using var fake = await StartAsync();
        fake.Server.Respond("findAndModify", _ => new BsonDocument { { "value", new BsonDocument { { "_id", "t-1" }, { "_v", 2L }, { "id", "t-1" }, { "count", 1L }, { "sum", 0 }, { "other", 0L } } }, { "ok", 1 } });

        await fake.Store.TransactAsync(async (tx, ct) =>
        {
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"), ct);
            return await tx.Collection(TestCollections.Tallies).IncrementAsync("t-1", [Increment.By("count", 1L)], cancellationToken: ct);
        });

        var sent = fake.Events.Select(e => e.Command).ToList();
        Assert.Equal(["insert", "findAndModify", "commitTransaction"], fake.Events.Select(e => e.CommandName));
        Assert.Single(sent.Select(c => c["lsid"]).Distinct());
        Assert.Single(sent.Select(c => c["txnNumber"]).Distinct());
        Assert.All(sent, c => Assert.False(c["autocommit"].AsBoolean));
        Assert.True(sent[0]["startTransaction"].AsBoolean);
        Assert.False(sent[1].Contains("startTransaction"));
        Assert.False(sent[0].Contains("writeConcern"));
        Assert.False(sent[1].Contains("writeConcern"));
        Assert.Equal("admin", fake.Events[2].DatabaseName);
        BsonAssert.Same(Majority, sent[2]["writeConcern"]);
    }

    [Fact]
    public async Task Insert_many_outside_a_transaction_runs_in_one_and_splits_large_batches()
    {
        await using var fake = await StartAsync();

        var inserted = await fake.Participants.InsertManyAsync(Enumerable.Range(0, 2500).Select(i => TestCollections.Person($"p-{i:D4}")));

        Assert.Equal(2500, inserted);
        var inserts = fake.Sent("insert");
        Assert.Equal([1000, 1000, 500], inserts.Select(i => i["documents"].AsBsonArray.Count));
        Assert.Single(inserts.Select(i => i["txnNumber"]).Distinct());
        Assert.True(inserts[0]["startTransaction"].AsBoolean);
        Assert.Single(fake.Sent("commitTransaction"));
    }
}
