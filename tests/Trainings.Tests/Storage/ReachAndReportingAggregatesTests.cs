using CapacityHub.Storage;
using CapacityHub.Storage.Sqlite;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Storage;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Storage;

/// <summary>
/// Reach (unique people, gender balance, breakdowns) and reporting discipline through ImpactAggregates on a
/// real SQLite file: the per programme-year roll-up and the detailed cells must tell the same story.
/// </summary>
public sealed class ReachAndReportingAggregatesTests : IAsyncLifetime
{
    private const string Programme = "programmes/ajccbc";
    private const string Other = "programmes/arf-ict";
    private const string VnCert = "organisations/vncert";
    private const string ThaiCert = "organisations/thaicert";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trainings-reach-{Guid.NewGuid():N}");
    private SqliteDocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(_directory, "trainings.db") });
        await _store.MigrateAsync(TrainingsCollections.All);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static ReachCellKey Key(string country, string organisation, Sex sex, int year = 2026, string programme = Programme, string sector = "CERT") =>
        new(programme, year, country, organisation, organisation == VnCert ? "CSIRT" : "Ministry", sector, sex);

    private Task ReachAsync(params (ReachCellKey Key, long Delta)[] changes) =>
        _store.TransactAsync(async (tx, ct) =>
        {
            foreach (var (key, delta) in changes)
            {
                await ImpactAggregates.ApplyReachAsync(tx, key, delta, ct);
            }

            return true;
        });

    private Task<ImpactMetrics> ComputeAsync(ImpactQuery query) => new ImpactAggregates(_store).ComputeAsync(query, CancellationToken.None);

    private static ImpactQuery Query(ImpactAudience audience = ImpactAudience.Internal) =>
        new() { ProgrammeIds = new HashSet<string> { Programme }, Audience = audience };

    /// <summary>VN: 6 women and 4 men from VNCERT; TH: 3 women and 1 man from ThaiCERT; all in 2026.</summary>
    private Task SeedAsync() => ReachAsync(
        (Key("VN", VnCert, Sex.Female), 6), (Key("VN", VnCert, Sex.Male), 4),
        (Key("TH", ThaiCert, Sex.Female), 3), (Key("TH", ThaiCert, Sex.Male, sector: "Police"), 1),
        (Key("JP", VnCert, Sex.Female, programme: Other), 50));

    [Fact]
    public async Task UnfilteredQueryCountsUniquePeopleGenderAndBreakdownsFromTheRollUp()
    {
        await SeedAsync();

        var m = await ComputeAsync(Query());

        Assert.Equal(14, m.UniqueParticipants.Value);
        Assert.Equal(2, m.Countries);
        Assert.Equal(2, m.Organisations);
        Assert.Equal(9.0 / 14, m.FemaleShare.Value!.Value, 9);
        Assert.Equal(0.6, m.FemaleShareByCountry.Cells["VN"].Value!.Value, 9);
        Assert.Equal(0.75, m.FemaleShareByCountry.Cells["TH"].Value!.Value, 9);
        Assert.Equal(10, m.ParticipantsByOrganisationType.Cells["CSIRT"].Value);
        Assert.Equal(4, m.ParticipantsByOrganisationType.Cells["Ministry"].Value);
        Assert.Equal(1, m.ParticipantsBySector.Cells["Police"].Value);
        Assert.Equal(13, m.ParticipantsBySector.Cells["CERT"].Value);
    }

    [Fact]
    public async Task FilteredQueriesReadDetailedCellsAndAgreeWithTheRollUp()
    {
        await SeedAsync();

        var thailand = await ComputeAsync(Query() with { CountryCode = "TH" });
        var vncert = await ComputeAsync(Query() with { OrganisationId = VnCert });

        Assert.Equal(4, thailand.UniqueParticipants.Value);
        Assert.Equal(0.75, thailand.FemaleShare.Value!.Value, 9);
        Assert.Equal(10, vncert.UniqueParticipants.Value);
        Assert.Equal(["VN"], vncert.FemaleShareByCountry.Cells.Keys);
    }

    [Fact]
    public async Task PeopleLeavingReachDropTheirCellsAndYearsAreSeparate()
    {
        await SeedAsync();
        await ReachAsync((Key("TH", ThaiCert, Sex.Male, sector: "Police"), -1), (Key("VN", VnCert, Sex.Male, year: 2027), 2));

        var all = await ComputeAsync(Query());
        var only2026 = await ComputeAsync(Query() with { From = new LocalDate(2026, 1, 1), To = new LocalDate(2026, 12, 31) });

        Assert.Equal(15, all.UniqueParticipants.Value);
        Assert.Equal(13, only2026.UniqueParticipants.Value);
        Assert.DoesNotContain("Police", only2026.ParticipantsBySector.Cells.Keys);
    }

    [Fact]
    public async Task FunderViewHidesSmallCellsAndRoundsTheOthersDownToFive()
    {
        await SeedAsync();

        var m = await ComputeAsync(Query(ImpactAudience.Funder));

        // 14 people are published as 10: TH's 4 cannot be had as 14 - 10 (DisclosureControl).
        Assert.Equal(10, m.UniqueParticipants.Value);
        Assert.True(m.FemaleShareByCountry.Cells["TH"].Suppressed);
        Assert.Null(m.FemaleShareByCountry.Cells["TH"].Value);
        Assert.Equal(0, m.FemaleShareByCountry.Cells["TH"].Denominator);
        // VN: 6 women of 10 are published as 5 of 10.
        Assert.Equal(0.5, m.FemaleShareByCountry.Cells["VN"].Value);
        Assert.Equal(10, m.FemaleShareByCountry.Cells["VN"].Denominator);
        Assert.True(m.ParticipantsBySector.Cells["Police"].Suppressed);
        Assert.False(m.FemaleShare.Suppressed);
    }

    [Fact]
    public async Task ReportingDisciplineFollowsObligationsFromCreateToSubmission()
    {
        var due = new LocalDate(2026, 7, 31);
        ReportingObligation Owed(string organisation, bool received = false, bool onTime = false) => new(Programme, organisation, due, received, onTime);
        async Task Move(ReportingObligation? before, ReportingObligation? after) =>
            await _store.TransactAsync(async (tx, ct) =>
            {
                await ImpactAggregates.ApplyReportingAsync(tx, before, after, ct);
                return true;
            });

        await Move(null, Owed(VnCert));
        await Move(null, Owed(ThaiCert));
        await Move(null, Owed(ThaiCert));
        await Move(Owed(VnCert), Owed(VnCert, received: true, onTime: true));
        await Move(Owed(ThaiCert), Owed(ThaiCert, received: true));

        var m = await ComputeAsync(Query(ImpactAudience.Funder));
        var thai = await ComputeAsync(Query() with { OrganisationId = ThaiCert });
        var nextYear = await ComputeAsync(Query() with { From = new LocalDate(2027, 1, 1) });

        Assert.Equal(2.0 / 3, m.ReportsReceived.Value!.Value, 9);
        Assert.Equal(1.0 / 3, m.ReportsOnTime.Value!.Value, 9);
        Assert.False(m.ReportsReceived.Suppressed); // about organisations, not people
        Assert.Equal(0.5, thai.ReportsReceived.Value!.Value, 9);
        Assert.Equal(0, thai.ReportsOnTime.Numerator);
        Assert.Equal(0, nextYear.ReportsReceived.Denominator);
    }
}
