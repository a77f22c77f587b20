using CapacityHub.Storage.Sqlite;

namespace CapacityHub.Storage.Tests;

public enum NominationStatus
{
    Nominated,
    Approved,
}

public sealed record Nomination(string Id, string TrainingId, string OrganisationId, string Email, NominationStatus Status, long CreatedAtUnixMs);

public sealed record TrainingTotals(string Id, long Nominated, long Booked, double GainSum);

/// <summary>The services/Storage/README.md example, run as written, so the documented API keeps working.</summary>
public sealed class ReadmeExampleTests : IDisposable
{
    private static readonly CollectionSpec<Nomination> Nominations =
        CollectionSpec.For<Nomination>("nominations", n => n.Id)
            .Index("byTraining", "trainingId", "createdAtUnixMs")
            .Index("byStatus", "status")
            .UniqueIndex("oneNominationPerPerson", "trainingId", "email");

    private static readonly CollectionSpec<TrainingTotals> Totals = CollectionSpec.For<TrainingTotals>("trainingTotals", t => t.Id);

    private static readonly CollectionSpec<RequestRecord<string>> Requests = RequestLog.Declare<string>("requests");

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task The_readme_example_creates_idempotently_keeps_totals_and_pages_newest_first()
    {
        await using var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = directory.File("data/trainings.db") });
        await store.MigrateAsync([Nominations, Totals, Requests]);
        var ct = CancellationToken.None;

        Task<string> CreateAsync(string requestId, Nomination nomination) =>
            store.TransactAsync(
                (tx, ct) => tx.OnceAsync(Requests, "CreateNomination", requestId, async () =>
                {
                    var created = await tx.Collection(Nominations).InsertAsync(nomination, ct);
                    await tx.Collection(Totals).IncrementAsync(
                        nomination.TrainingId, [Increment.By("nominated", 1L)], seedIfMissing: new TrainingTotals(nomination.TrainingId, 0, 0, 0), ct);
                    return created.Id;
                }, cancellationToken: ct),
                ct);

        for (var i = 0; i < 7; i++)
        {
            await CreateAsync($"req-{i}", new Nomination($"n-{i}", "t-1", "org-7", $"p{i}@cert.example", NominationStatus.Nominated, 1000 + i));
        }

        Assert.Equal("n-3", await CreateAsync("req-3", new Nomination("n-99", "t-1", "org-7", "x@cert.example", NominationStatus.Nominated, 5000)));

        var nominations = store.Collection(Nominations);
        var doc = (await nominations.GetAsync("n-0"))!;
        await nominations.ReplaceAsync(doc.Value with { Status = NominationStatus.Approved }, expectedVersion: doc.Version);

        var ids = new List<string>();
        string? pageToken = null;
        do
        {
            var page = await nominations.FindAsync(
                new Query
                {
                    Filter = Filter.Where("trainingId", "t-1").AndIn("status", [NominationStatus.Nominated, NominationStatus.Approved]),
                    OrderBy = "createdAtUnixMs",
                    Descending = true,
                    Limit = 3,
                    After = pageToken,
                },
                ct);
            ids.AddRange(page.Items.Select(d => d.Id));
            pageToken = page.Next;
        }
        while (pageToken is not null);

        Assert.Equal(["n-6", "n-5", "n-4", "n-3", "n-2", "n-1", "n-0"], ids);
        Assert.Equal(7, await nominations.CountAsync(Filter.Where("trainingId", "t-1"), ct));
        Assert.Equal(7, (await store.Collection(Totals).GetAsync("t-1", ct))!.Value.Nominated);
    }
}
