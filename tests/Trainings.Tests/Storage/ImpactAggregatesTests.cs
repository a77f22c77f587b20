using CapacityHub.Storage;
using CapacityHub.Storage.Sqlite;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Learning;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.Tests.Domain;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Storage;

/// <summary>Impact cells on a real SQLite file: maintained in the write's transaction, read back by queries.</summary>
public sealed class ImpactAggregatesTests : IAsyncLifetime
{
    private const string Programme = "programmes/jpus-ics";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trainings-impact-{Guid.NewGuid():N}");
    private SqliteDocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(_directory, "trainings.db") });
        await _store.MigrateAsync(TrainingsCollections.All);
        await _store.TransactAsync(async (tx, ct) =>
        {
            await ImpactAggregates.SaveFactsAsync(tx, new TrainingFacts("t-1", Programme, 3, new LocalDate(2026, 3, 2), false), ct);
            return true;
        });
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static EnrolmentSnapshot Snapshot(Nomination nomination) => new(nomination, null, "CSIRT", 2, CompletionPolicy.Default);

    private Task WriteAsync(EnrolmentSnapshot? before, EnrolmentSnapshot? after) =>
        _store.TransactAsync(async (tx, ct) =>
        {
            await ImpactAggregates.ApplyAsync(tx, ImpactDelta.Between(before, after), ct);
            return true;
        });

    [Fact]
    public async Task BookingWithdrawalAndPromotionKeepStoredCellsEqualToARecount()
    {
        var training = TestData.OpenTraining(seats: 1, waitlist: 2);
        var roster = new Roster(training, []);
        foreach (var (id, country) in new[] { ("a", "VN"), ("b", "TH"), ("c", "TH") })
        {
            var n = roster.Nominate(id, TestData.Person(id, country), "organisations/vncert", TestData.DuringWindow + Duration.FromMinutes(id[0]), true);
            await WriteAsync(null, Snapshot(n));
        }

        // Each roster operation: snapshot before, apply, write the delta of every changed nomination.
        async Task Do(Func<IReadOnlyList<Nomination>> operation)
        {
            var before = roster.Nominations.ToDictionary(n => n.Id, n => Snapshot(Nomination.Restore(n.Id, n.TrainingId, n.Participant, n.NominatingOrganisationId, n.NominatedAt, n.Status, n.Note)));
            foreach (var changed in operation())
            {
                await WriteAsync(before[changed.Id], Snapshot(changed));
            }
        }

        await Do(() => roster.Approve("a"));
        await Do(() => roster.Book("a"));
        await Do(() => roster.Approve("b")); // waitlisted
        await Do(() => roster.Withdraw("a", "cannot travel")); // b promoted
        await Do(() => roster.Book("b"));

        var aggregates = new ImpactAggregates(_store);
        var all = await aggregates.ComputeAsync(new ImpactQuery { ProgrammeIds = new HashSet<string> { Programme } }, CancellationToken.None);
        var thailand = await aggregates.ComputeAsync(new ImpactQuery { ProgrammeIds = new HashSet<string> { Programme }, CountryCode = "TH" }, CancellationToken.None);
        var recount = ImpactCalculator.Compute(new ImpactQuery { ProgrammeIds = new HashSet<string> { Programme } },
            [new TrainingFacts("t-1", Programme, 3, new LocalDate(2026, 3, 2), false)],
            roster.Nominations.SelectMany(n => ImpactDelta.Between(null, Snapshot(n))), [], []);

        Assert.Equal(NominationStatus.Booked, roster.Find("b").Status);
        Assert.Equal(1, all.Participations.Value);          // only b is booked now
        Assert.Equal(1.0 / 3, all.FillRate.Value!.Value, 9); // 1 booked of 3 seats in the facts
        Assert.Equal(recount.Participations, all.Participations);
        Assert.Equal(recount.AttendanceRate, all.AttendanceRate);
        Assert.Equal(1, thailand.Participations.Value);
        Assert.Equal(1, all.TrainingsCounted);
    }

    [Fact]
    public async Task FailedWriteLeavesTheAggregatesUntouched()
    {
        var training = TestData.OpenTraining();
        var roster = new Roster(training, []);
        var n = roster.Nominate("a", TestData.Person("a"), "organisations/vncert", TestData.DuringWindow, true);
        await WriteAsync(null, Snapshot(n));
        var before = Snapshot(Nomination.Restore(n.Id, n.TrainingId, n.Participant, n.NominatingOrganisationId, n.NominatedAt, n.Status, n.Note));
        roster.Approve("a");
        roster.Book("a");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.TransactAsync<bool>(async (tx, ct) =>
        {
            await ImpactAggregates.ApplyAsync(tx, ImpactDelta.Between(before, Snapshot(n)), ct);
            throw new InvalidOperationException("the nomination write failed after the aggregates were touched");
        }));

        var cells = _store.Collection(TrainingsCollections.ImpactCells);
        var rollUp = await cells.GetAsync(ImpactCellKey.TrainingTotal("t-1").ToId());
        Assert.NotNull(rollUp);
        Assert.Equal(1, rollUp.Value.Nominations);
        Assert.Equal(0, rollUp.Value.Enrolled);
    }
}
