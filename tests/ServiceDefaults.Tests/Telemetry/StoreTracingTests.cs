using System.Diagnostics;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.Storage;
using CapacityHub.Storage.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// The store a service gets from the shared defaults is traced whichever backend it is: every operation
/// a client span "{operation} {collection}" under the caller's span with the database semantic-convention
/// attributes, and a db.client.operation.duration measurement in seconds. Real SQLite files.
/// </summary>
public sealed class StoreTracingTests : IAsyncLifetime
{
    private static readonly CollectionSpec<Note> Notes = CollectionSpec.For<Note>("traced_notes", n => n.Id)
        .UniqueIndex("byTitle", "title");

    private static readonly CollectionSpec<Tally> Tallies = CollectionSpec.For<Tally>("traced_tallies", t => t.Id);

    private readonly TelemetryRecorder recorder = new(StoreTelemetry.Name);
    private readonly string folder = Directory.CreateTempSubdirectory("capacityhub-store-tracing-").FullName;
    private WebApplication? app;

    private IDocumentStore Store => app!.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        app = Build(new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(folder, "traced.db") });
        await Store.MigrateAsync([Notes, Tallies]);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        recorder.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task EveryOperationIsAClientSpanNamedByOperationAndCollectionUnderTheCallersSpan()
    {
        var notes = Store.Collection(Notes);
        using var caller = new Activity("handler").Start();

        var inserted = await notes.InsertAsync(new Note("n-1", "Incident response", 1));
        await notes.InsertManyAsync([new Note("n-2", "Threat hunting", 1), new Note("n-3", "Malware triage", 1)]);
        await notes.UpsertAsync(new Note("n-4", "Digital forensics", 3));
        await notes.GetAsync("n-1");
        await notes.FindOneAsync(Filter.Where("title", "Incident response"));
        await notes.FindAsync(new Query { Limit = 10 });
        await notes.CountAsync(Filter.All);
        await notes.ReplaceAsync(inserted.Value with { Pages = 2 }, inserted.Version);
        await notes.DeleteAsync("n-4");
        caller.Stop();

        var spans = recorder.SpansOf(caller.TraceId);
        Assert.Equal(
            ["insert traced_notes", "insertMany traced_notes", "upsert traced_notes", "get traced_notes", "findOne traced_notes",
                "find traced_notes", "count traced_notes", "replace traced_notes", "delete traced_notes"],
            spans.Select(s => s.DisplayName));
        foreach (var span in spans)
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(caller.SpanId, span.ParentSpanId);
            Assert.Equal("sqlite", span.GetTagItem("db.system.name"));
            Assert.Equal("traced_notes", span.GetTagItem("db.collection.name"));
            Assert.Equal(span.DisplayName.Split(' ')[0], span.GetTagItem("db.operation.name"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        }

        Assert.Equal(4, Single(spans, "find traced_notes").GetTagItem("db.response.returned_rows"));
        Assert.Equal(2, Single(spans, "insertMany traced_notes").GetTagItem("db.operation.batch.size"));
    }

    [Fact]
    public async Task OperationsInATransactionNestUnderItsTransactSpan()
    {
        using var caller = new Activity("handler").Start();

        await Store.TransactAsync(async (tx, ct) =>
        {
            await tx.Collection(Notes).InsertAsync(new Note("t-1", "Secure configuration", 4), ct);
            await tx.Collection(Tallies).IncrementAsync("all", [Increment.By("notes", 1L)], seedIfMissing: new Tally("all", 0), ct);
        });
        caller.Stop();

        var spans = recorder.SpansOf(caller.TraceId);
        var transact = Single(spans, "transact");
        Assert.Equal(caller.SpanId, transact.ParentSpanId);
        Assert.Equal("transact", transact.GetTagItem("db.operation.name"));
        Assert.Null(transact.GetTagItem("db.collection.name"));
        Assert.Equal(transact.SpanId, Single(spans, "insert traced_notes").ParentSpanId);
        Assert.Equal(transact.SpanId, Single(spans, "increment traced_tallies").ParentSpanId);
        Assert.Equal(1L, (await Store.Collection(Tallies).GetAsync("all"))!.Value.Notes);
    }

    [Fact]
    public async Task AFailedOperationCarriesItsErrorTypeButNotItsMessage()
    {
        var notes = Store.Collection(Notes);
        await notes.InsertAsync(new Note("d-1", "Vulnerability disclosure", 1));
        using var caller = new Activity("handler").Start();

        await Assert.ThrowsAsync<DuplicateKeyException>(() => notes.InsertAsync(new Note("d-2", "Vulnerability disclosure", 1)));
        caller.Stop();

        var span = Single(recorder.SpansOf(caller.TraceId), "insert traced_notes");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(DuplicateKeyException).FullName, span.GetTagItem("error.type"));
        // The message names the clashing value, which may be personal data (an e-mail address).
        Assert.Null(span.StatusDescription);
        Assert.Empty(span.Events);
        Assert.Contains(
            recorder.Measurements("db.client.operation.duration"),
            m => m["db.operation.name"] as string == "insert" && m["error.type"] as string == typeof(DuplicateKeyException).FullName);
    }

    [Fact]
    public async Task DurationsAreRecordedInSecondsPerSystemOperationAndCollection()
    {
        await Store.Collection(Tallies).GetAsync("missing");
        await Store.Collection(Tallies).CountAsync(Filter.All);

        var durations = recorder.Measurements("db.client.operation.duration")
            .Where(m => m["db.collection.name"] as string == "traced_tallies")
            .ToList();
        Assert.Equal(["get", "count"], durations.Select(m => m["db.operation.name"]));
        Assert.All(durations, m =>
        {
            Assert.Equal("s", m.Unit);
            Assert.Equal("sqlite", m["db.system.name"]);
            Assert.Null(m["error.type"]);
            Assert.True(m.Value >= 0);
        });
    }

    [Fact]
    public async Task MongoDbOperationsAreTracedAsMongodbWithTheirDatabase()
    {
        // Nothing listens on port 1: migration fails fast with the server-selection timeout.
        await using var mongo = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "MongoDb",
            ["Storage:MongoDb:ConnectionString"] = "mongodb://127.0.0.1:1/capacityhub_traced?serverSelectionTimeoutMS=200",
        });
        using var caller = new Activity("start-up").Start();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => mongo.Services.GetRequiredService<IDocumentStore>().MigrateAsync([Notes]));
        caller.Stop();

        var span = Single(recorder.SpansOf(caller.TraceId), "migrate");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("mongodb", span.GetTagItem("db.system.name"));
        Assert.Equal("capacityhub_traced", span.GetTagItem("db.namespace"));
        Assert.Equal(typeof(StoreUnavailableException).FullName, span.GetTagItem("error.type"));
        Assert.Contains(
            recorder.Measurements("db.client.operation.duration"),
            m => m["db.system.name"] as string == "mongodb" && m["db.namespace"] as string == "capacityhub_traced");
    }

    private static Activity Single(IReadOnlyList<Activity> spans, string name) => Assert.Single(spans, s => s.DisplayName == name);

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults("store-tracing", [Notes, Tallies]);
        return builder.Build();
    }

    private sealed record Note(string Id, string Title, int Pages);

    private sealed record Tally(string Id, long Notes);
}
