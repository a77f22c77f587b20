using CapacityHub.Storage.Sqlite;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Storage;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Storage;

/// <summary>
/// A funder-wide query reads the programmes' facts and roll-ups in batches (one query per collection for
/// up to 200 programmes): the batched answer must equal the sum of the programmes' own answers, across
/// batch boundaries and with country filters, and leave out programmes that were not asked for.
/// </summary>
public sealed class ManyProgrammesImpactTests : IAsyncLifetime
{
    private const int Programmes = 230;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trainings-many-{Guid.NewGuid():N}");
    private SqliteDocumentStore _store = null!;

    private static string Programme(int i) => $"programmes/p{i:D3}";

    private static string Country(int i) => i % 3 == 0 ? "TH" : "VN";

    /// <summary>Programme i has one training with i % 7 + 1 booked people, all from one country.</summary>
    private static int People(int i) => (i % 7) + 1;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(_directory, "trainings.db") });
        await _store.MigrateAsync(TrainingsCollections.All);
        await _store.TransactAsync(async (tx, ct) =>
        {
            // One more programme that no query below names.
            for (var i = 0; i <= Programmes; i++)
            {
                var training = $"t-{i}";
                var counts = new ImpactCounts { Nominations = People(i), Enrolled = People(i), DaysScheduled = 2 * People(i), DaysAttended = 2 * People(i), Completers = People(i) };
                await ImpactAggregates.SaveFactsAsync(tx, new TrainingFacts(training, Programme(i), 40, new LocalDate(2026, 3, 2), false), ct);
                await ImpactAggregates.ApplyAsync(tx,
                [
                    new ImpactCell(new ImpactCellKey(training, Country(i), "organisations/x", "CSIRT", "CERT", Sex.Female), counts),
                    new ImpactCell(ImpactCellKey.TrainingTotal(training), counts),
                ], ct);
                await ImpactAggregates.ApplyReachAsync(tx, new ReachCellKey(Programme(i), 2026, Country(i), "organisations/x", "CSIRT", "CERT", Sex.Female), People(i), ct);
            }

            return true;
        });
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<ImpactMetrics> ComputeAsync(IEnumerable<string> programmes, string? country = null) =>
        new ImpactAggregates(_store).ComputeAsync(new ImpactQuery { ProgrammeIds = programmes.ToHashSet(), CountryCode = country, Audience = ImpactAudience.Internal }, CancellationToken.None);

    [Fact]
    public async Task FunderWideAnswerIsTheSumOfItsProgrammesAcrossBatches()
    {
        var all = Enumerable.Range(0, Programmes).ToList();

        var metrics = await ComputeAsync(all.Select(Programme));

        Assert.Equal(Programmes, metrics.TrainingsCounted);
        Assert.Equal(all.Sum(People), metrics.Participations.Value);
        Assert.Equal(all.Sum(People), metrics.UniqueParticipants.Value);
        Assert.Equal(all.Sum(People) / (40.0 * Programmes), metrics.FillRate.Value!.Value, 9);
    }

    [Fact]
    public async Task CountryFilterCountsOnlyThatCountrysPeopleInEveryBatch()
    {
        var all = Enumerable.Range(0, Programmes).ToList();
        var thai = all.Where(i => Country(i) == "TH").ToList();

        var metrics = await ComputeAsync(all.Select(Programme), "TH");

        Assert.Equal(thai.Sum(People), metrics.Participations.Value);
        Assert.Equal(thai.Sum(People), metrics.UniqueParticipants.Value);
    }

    [Fact]
    public async Task OneProgrammeAnswersForItselfOnly()
    {
        var metrics = await ComputeAsync([Programme(5)]);

        Assert.Equal(1, metrics.TrainingsCounted);
        Assert.Equal(People(5), metrics.Participations.Value);
        Assert.Equal(People(5), metrics.UniqueParticipants.Value);
    }
}
