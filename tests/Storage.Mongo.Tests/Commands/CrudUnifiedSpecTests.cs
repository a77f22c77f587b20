using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Tests.EndToEnd;
using CapacityHub.Storage.Mongo.Tests.Specs;
using MongoDB.Bson;
using Xunit.Abstractions;

namespace CapacityHub.Storage.Mongo.Tests.Commands;

/// <summary>
/// crud-unified files run through the real client against the fake server (which reports MongoDB 7.0, wire 21):
/// the commands the client sends must match expectEvents/commandStartedEvent, and for find and aggregate (whose
/// filter subset the fake evaluates) the returned documents must match expectResult. Cases that need a real
/// server's write semantics, fail points or views, or that target servers older than 7.0, are classified and
/// counted by <see cref="EveryCaseIsClassified"/> rather than run.
/// </summary>
public sealed class CrudUnifiedSpecTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> ReadOperations = ["find", "aggregate", "estimatedDocumentCount"];

    public static TheoryData<SpecCase> ComparableCases()
    {
        var data = new TheoryData<SpecCase>();
        foreach (var (specCase, kind) in Classify())
        {
            if (kind == CaseKind.Compared)
            {
                data.Add(specCase);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ComparableCases))]
    public async Task CommandsAndCursorResultsMatchTheSpec(SpecCase specCase)
    {
        var file = SpecData.Load(Path.Combine(SpecData.Folder("crud-unified"), specCase.File));
        var test = file["tests"][specCase.Index].AsBsonDocument;
        var entities = Entities(file);

        await using var server = new FakeMongoServer();
        foreach (var data in file.GetValue("initialData", new BsonArray()).AsBsonArray.Select(d => d.AsBsonDocument))
        {
            server.Seed(data["collectionName"].AsString, data["documents"].AsBsonArray.Select(d => d.AsBsonDocument));
        }

        var events = new List<CommandStartedEvent>();
        await using var client = new MongoClient($"mongodb://{server.Address}/?serverSelectionTimeoutMS=3000", e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        });

        foreach (var operation in test["operations"].AsBsonArray.Select(o => o.AsBsonDocument))
        {
            var (database, collection) = entities[operation["object"].AsString];
            var target = client.GetDatabase(database).GetCollection(collection);
            var result = await RunAsync(target, operation["name"].AsString, operation.GetValue("arguments", new BsonDocument()).AsBsonDocument);
            if (operation.TryGetValue("expectResult", out var expectedResult))
            {
                Assert.Null(UnifiedMatcher.Match(expectedResult, result, "result", root: false));
            }
        }

        if (test.TryGetValue("expectEvents", out var expectEvents))
        {
            var expected = expectEvents[0]["events"].AsBsonArray.Select(e => e["commandStartedEvent"].AsBsonDocument).ToList();
            Assert.Equal(expected.Count, events.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                output.WriteLine(events[i].Command.ToString());
                Assert.Null(UnifiedMatcher.Match(expected[i]["command"], events[i].Command, $"event[{i}].command"));
                if (expected[i].TryGetValue("commandName", out var commandName))
                {
                    Assert.Equal(commandName.AsString, events[i].CommandName);
                }

                if (expected[i].TryGetValue("databaseName", out var databaseName))
                {
                    Assert.Equal(databaseName.AsString, events[i].DatabaseName);
                }
            }
        }
    }

    [Fact]
    public void EveryCaseIsClassified()
    {
        var classified = Classify().ToList();
        foreach (var group in classified.GroupBy(c => c.Kind))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
            foreach (var (specCase, _) in group)
            {
                output.WriteLine("  " + specCase);
            }
        }

        var total = SpecData.Files("crud-unified").Sum(f => SpecData.Load(f)["tests"].AsBsonArray.Count);
        Assert.Equal(total, classified.Count);
        Assert.True(classified.Count(c => c.Kind == CaseKind.Compared) >= 13);
    }

    private static async Task<BsonValue> RunAsync(MongoCollection collection, string name, BsonDocument arguments)
    {
        switch (name)
        {
            case "find":
                var options = new FindOptions
                {
                    Sort = arguments.GetValue("sort", BsonNull.Value) as BsonDocument,
                    Skip = arguments.TryGetValue("skip", out var skip) ? skip.ToInt32() : null,
                    Limit = arguments.TryGetValue("limit", out var limit) ? limit.ToInt32() : null,
                    BatchSize = arguments.TryGetValue("batchSize", out var batchSize) ? batchSize.ToInt32() : null,
                };
                return new BsonArray(await collection.Find(arguments["filter"].AsBsonDocument, options).ToListAsync());
            case "aggregate":
                var cursor = await collection.AggregateAsync(
                    arguments["pipeline"].AsBsonArray,
                    arguments.TryGetValue("batchSize", out var aggregateBatch) ? aggregateBatch.ToInt32() : null,
                    arguments.GetValue("comment", null));
                var documents = new BsonArray();
                await foreach (var document in cursor)
                {
                    documents.Add(document);
                }

                return documents;
            case "estimatedDocumentCount":
                return await collection.EstimatedDocumentCountAsync(arguments.TryGetValue("maxTimeMS", out var maxTime) ? maxTime.ToInt32() : null);
            default:
                throw new NotSupportedException(name);
        }
    }

    private static Dictionary<string, (string Database, string Collection)> Entities(BsonDocument file)
    {
        var databases = new Dictionary<string, string>();
        var collections = new Dictionary<string, (string, string)>();
        foreach (var entity in file["createEntities"].AsBsonArray.Select(e => e.AsBsonDocument.GetElement(0)))
        {
            if (entity.Name == "database")
            {
                databases[entity.Value["id"].AsString] = entity.Value["databaseName"].AsString;
            }
            else if (entity.Name == "collection")
            {
                collections[entity.Value["id"].AsString] = (databases[entity.Value["database"].AsString], entity.Value["collectionName"].AsString);
            }
        }

        return collections;
    }

    private static IEnumerable<(SpecCase Case, CaseKind Kind)> Classify()
    {
        foreach (var path in SpecData.Files("crud-unified"))
        {
            var file = SpecData.Load(path);
            var tests = file["tests"].AsBsonArray;
            for (var i = 0; i < tests.Count; i++)
            {
                var test = tests[i].AsBsonDocument;
                yield return (new SpecCase(Path.GetFileName(path), i, test["description"].AsString), KindOf(file, test));
            }
        }
    }

    private static CaseKind KindOf(BsonDocument file, BsonDocument test)
    {
        var requirements = file.GetValue("runOnRequirements", new BsonArray()).AsBsonArray.Concat(test.GetValue("runOnRequirements", new BsonArray()).AsBsonArray);
        if (requirements.Any(r => r.AsBsonDocument.TryGetValue("maxServerVersion", out var max) && new Version(max.AsString) < new Version(7, 0)))
        {
            return CaseKind.NotForServer70;
        }

        var operations = test["operations"].AsBsonArray.Select(o => o.AsBsonDocument).ToList();
        if (operations.Any(o => o["name"].AsString is "failPoint" or "createCollection" or "dropCollection"))
        {
            return CaseKind.NeedsFailPointsOrViews;
        }

        if (operations.Any(o => o.Contains("expectError")) || !operations.All(o => ReadOperations.Contains(o["name"].AsString)))
        {
            return test.Contains("expectEvents") ? CaseKind.Compared : CaseKind.OutcomeNeedsRealServer;
        }

        var pipelineStages = operations.Where(o => o["name"].AsString == "aggregate")
            .SelectMany(o => o["arguments"]["pipeline"].AsBsonArray.Select(s => s.AsBsonDocument.GetElement(0).Name));
        return pipelineStages.All(s => s is "$match" or "$sort") ? CaseKind.Compared : CaseKind.OutcomeNeedsRealServer;
    }

    private enum CaseKind
    {
        Compared,
        OutcomeNeedsRealServer,
        NeedsFailPointsOrViews,
        NotForServer70,
    }
}
