using System.Diagnostics;
using System.Text.Json;
using CapacityHub.LocalRun;
using CapacityHub.LocalRun.Seeding;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Xunit.Abstractions;

namespace CapacityHub.EndToEnd.Tests;

[Collection(LocalSystemCollection.Name)]
public sealed class DemoSeedingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    // Free blocks rather than fixed ports, as in EmptySystemFixture; each test restarts on its own block.
    private readonly int basePort = LocalPorts.FreeBasePort();
    private readonly string folder = RunningSystem.NewDataFolder("seed");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        RunningSystem.DeleteFolder(folder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FirstStartSeedsTheDemoDataAndSeedingAgainDuplicatesNothing()
    {
        string first;
        DemoDateShift shift;
        var clock = Stopwatch.StartNew();
        await using (var system = await RunningSystem.StartAsync(folder, basePort, seed: true))
        {
            output.WriteLine($"first start with seeding: {clock.Elapsed.TotalSeconds:0.0}s");
            Assert.False(system.System.Seeding!.AlreadySeeded);
            Assert.Equal(16, system.System.Seeding.Organisations);
            first = await DescribeAsync(system);
            shift = new DemoDateShift(default, system.System.Seeding.ShiftedWeeks);
            output.WriteLine($"demo dates moved by {shift.Weeks} weeks");
            await AssertTheDemoAccountsFindTheirDataAsync(system);
        }

        AssertTheDemoWasEntered(first, shift);

        // As if the first seeding had been interrupted before it finished: the seeder runs over everything again.
        File.Delete(Path.Combine(folder, DemoSeeder.MarkerFile));
        clock.Restart();
        await using (var system = await RunningSystem.StartAsync(folder, basePort, seed: true))
        {
            output.WriteLine($"restart with seeding again: {clock.Elapsed.TotalSeconds:0.0}s");
            Assert.False(system.System.Seeding!.AlreadySeeded);
            Assert.Equal(shift.Weeks, system.System.Seeding.ShiftedWeeks);
            Assert.Equal(first, await DescribeAsync(system));

            // With the marker back, a start does not seed at all.
            var again = await new DemoSeeder(RunningSystem.RepositoryRoot, folder, system.System.Secrets.CallerTokenKey).SeedOnceAsync(
                system.System["partners"].GrpcAddress, system.System["programmes"].GrpcAddress, system.System["trainings"].GrpcAddress, default);
            Assert.True(again.AlreadySeeded);
        }
    }

    /// <remarks>
    /// The services run on the real clock, so "seeding a year later" is played the other way round: the demo file
    /// as it would have been written a year earlier (as_of and every date of current activity 52 weeks back). The
    /// seeder moves it 52 weeks further than the real file and must enter the very same demo.
    /// </remarks>
    [Fact]
    public async Task DemoDataWrittenAYearEarlierIsEnteredTheSameWay()
    {
        var root = RunningSystem.NewDataFolder("seed-root");
        try
        {
            var raw = DemoDataFile.Load(RunningSystem.RepositoryRoot);
            var back = new DemoDateShift(DateOnly.ParseExact(raw.AsOf, "yyyy-MM-dd"), -52);
            var yearEarlier = back.Apply(raw) with { AsOf = back.Shift(raw.AsOf) };
            Directory.CreateDirectory(Path.Combine(root, "services", "DemoData"));
            await File.WriteAllTextAsync(
                Path.Combine(root, "services", "DemoData", "demo-data.json"),
                JsonSerializer.Serialize(yearEarlier, SnakeCase));

            await using var system = await RunningSystem.StartAsync(folder, basePort, seed: false);
            var seeded = await new DemoSeeder(root, folder, system.System.Secrets.CallerTokenKey).SeedOnceAsync(
                system.System["partners"].GrpcAddress, system.System["programmes"].GrpcAddress, system.System["trainings"].GrpcAddress, default);

            output.WriteLine($"demo dates moved by {seeded.ShiftedWeeks} weeks");
            Assert.True(seeded.ShiftedWeeks >= 52, $"moved {seeded.ShiftedWeeks} weeks");
            AssertTheDemoWasEntered(await DescribeAsync(system), new DemoDateShift(default, seeded.ShiftedWeeks - 52));
            await AssertTheDemoAccountsFindTheirDataAsync(system);
        }
        finally
        {
            RunningSystem.DeleteFolder(root);
        }
    }

    private static void AssertTheDemoWasEntered(string description, DemoDateShift shift)
    {
        Assert.Contains("organisations=16 agreements=4 programmes=3 trainings=5 reports=7", description);
        Assert.Contains("trainings/ics-2018=Planned(2018-09-10) days=5", description);
        foreach (var state in new[] { "reports Draft=1", "reports Submitted=1", "reports Approved=4", "reports Returned=1" })
        {
            Assert.Contains(state, description);
        }

        // The demo's current activity was moved to stand to today as it stood to the file's as_of day, so
        // these hold whenever the test runs; the 2018 Tokyo training keeps its real dates.
        Assert.Contains("nominations=57", description);
        Assert.Contains($"trainings/cyder-2026=OpenForNomination({shift.Shift("2027-01-19")})", description);
        Assert.Contains($"trainings/forensics-2026=Completed({shift.Shift("2026-11-03")})", description);
        Assert.Contains($"trainings/norms-workshop-2027=OpenForNomination({shift.Shift("2027-03-09")})", description);
    }

    private static async Task AssertTheDemoAccountsFindTheirDataAsync(RunningSystem system)
    {
        // The gateway's demo funder (JAIF) sees AJCCBC with figures above the suppression threshold.
        var funded = await system.Clients.Impact.GetImpactMetricsAsync(
            new GetImpactMetricsRequest { Funder = "organisations/jaif" }, system.As(Callers.Funder("jaif")));
        Assert.True(funded.SuppressionApplied);
        Assert.False(funded.UniqueParticipants.Suppressed);
        Assert.True(funded.UniqueParticipants.Value >= 30, $"unique participants {funded.UniqueParticipants.Value}");
        Assert.True(funded.CompletionRate.Value > 0);
        Assert.True(funded.MeanNormalisedGain.Value > 0);
        Assert.Equal(6, funded.ReportsReceived.Numerator);
        Assert.Equal(7, funded.ReportsReceived.Denominator);

        // The Thai and Malaysian partner agencies each have their own nominations.
        foreach (var (org, country) in new[] { ("etda", "TH"), ("cybersecurity-my", "MY") })
        {
            var own = await system.Clients.Nominations.ListNominationsAsync(
                new ListNominationsRequest { Parent = "trainings/-", PageSize = 1000 }, system.As(Callers.Partner(org, country)));
            Assert.NotEmpty(own.Nominations);
            Assert.All(own.Nominations, n => Assert.Equal($"organisations/{org}", n.NominatingOrganisation));
        }

        var ics = await system.Clients.Programmes.GetProgrammeAsync(new GetProgrammeRequest { Name = "programmes/ics-indo-pacific" }, system.As(Callers.Admin));
        Assert.Equal(ActivityStatus.Implementation, ics.Status);
    }

    /// <summary>Everything the seeder made, counted and named, so two runs can be compared as one string.</summary>
    private static async Task<string> DescribeAsync(RunningSystem system)
    {
        var admin = system.As(Callers.Admin);
        var c = system.Clients;
        var organisations = await c.Partners.ListOrganisationsAsync(new ListOrganisationsRequest { PageSize = 1000 }, admin);
        var agreements = await c.Partners.ListAgreementsAsync(new ListAgreementsRequest { PageSize = 1000 }, system.As(Callers.Admin));
        var programmes = await c.Programmes.ListProgrammesAsync(new ListProgrammesRequest { PageSize = 1000 }, system.As(Callers.Admin));
        var trainings = await c.Trainings.ListTrainingsAsync(new ListTrainingsRequest { PageSize = 1000 }, system.As(Callers.Admin));
        var nominations = await c.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = "trainings/-", PageSize = 1000 }, system.As(Callers.Admin));
        var reports = await c.OutcomeReports.ListOutcomeReportsAsync(new ListOutcomeReportsRequest { PageSize = 1000 }, system.As(Callers.Admin));
        Assert.Empty(nominations.NextPageToken);

        var lines = new List<string>
        {
            $"organisations={organisations.Organisations.Count} agreements={agreements.Agreements.Count} programmes={programmes.Programmes.Count} " +
            $"trainings={trainings.Trainings.Count} reports={reports.OutcomeReports.Count}",
            $"nominations={nominations.Nominations.Count}",
        };
        lines.AddRange(organisations.Organisations.Select(o => o.Name).Order(StringComparer.Ordinal));
        lines.AddRange(programmes.Programmes.Select(p => $"{p.Name}={p.Status}"));
        lines.AddRange(trainings.Trainings.Select(t =>
            $"{t.Name}={t.Status}({t.SessionDays[0].Date.Year:0000}-{t.SessionDays[0].Date.Month:00}-{t.SessionDays[0].Date.Day:00}) days={t.SessionDays.Count} taken={t.SeatsTaken}"));
        lines.AddRange(nominations.Nominations.GroupBy(n => n.Status).OrderBy(g => g.Key).Select(g => $"nominations {g.Key}={g.Count()}"));
        lines.AddRange(reports.OutcomeReports.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"reports {g.Key}={g.Count()}"));
        return string.Join('\n', lines);
    }
}
