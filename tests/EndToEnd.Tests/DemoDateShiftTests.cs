using CapacityHub.LocalRun.Seeding;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// The demo file's dates moved to the seeding day. The services themselves run on the real clock, so a seeding
/// "a year later" cannot be run end to end; instead this checks that, seen from any later day, the moved data
/// leads the seeder to take every training exactly as far as on the as_of day, which is what fixes the counts.
/// </summary>
public sealed class DemoDateShiftTests
{
    private static readonly DemoDataFile Raw = DemoDataFile.Load(RunningSystem.RepositoryRoot);
    private static readonly DateOnly AsOf = DateOnly.ParseExact(Raw.AsOf, "yyyy-MM-dd");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(6, 0)]
    [InlineData(7, 1)]
    [InlineData(365, 52)]
    [InlineData(-1, -1)]
    public void TheShiftIsTheWholeWeeksFromAsOfToToday(int daysLater, int weeks)
    {
        Assert.Equal(weeks, DemoDateShift.Between(AsOf, AsOf.AddDays(daysLater)).Weeks);
    }

    [Fact]
    public void SessionsKeepTheirWeekdayAndLocalTimes()
    {
        var shifted = DemoDateShift.For(Raw, new FixedClock(AsOf.AddDays(365))).Apply(Raw);

        var before = Raw.Programmes.SelectMany(p => p.Trainings).SelectMany(t => t.Days).ToList();
        var after = shifted.Programmes.SelectMany(p => p.Trainings).SelectMany(t => t.Days).ToList();
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(Day(before[i][0]).DayOfWeek, Day(after[i][0]).DayOfWeek);
            Assert.Equal(before[i].Skip(1), after[i].Skip(1));
        }

        Assert.Equal(Day("2027-01-19").AddDays(364), Day(Training(shifted, "cyder-2026").Days[0][0]));
    }

    [Fact]
    public void ActivityOverByAsOfKeepsItsRealDates()
    {
        var shifted = DemoDateShift.For(Raw, new FixedClock(AsOf.AddDays(365))).Apply(Raw);

        Assert.Equal(Programme(Raw, "ics-indo-pacific"), Programme(shifted, "ics-indo-pacific"));
        Assert.Equal("2018-09-10", Training(shifted, "ics-2018").Days[0][0]);
        Assert.Equal(Raw.Agreements.Single(a => a.Key == "mou-ics-2018"), shifted.Agreements.Single(a => a.Key == "mou-ics-2018"));

        // A running programme began when it really did; only its planned end moves with its trainings.
        Assert.Equal("2018-09-01", Programme(shifted, "ajccbc").Planned.Start);
        Assert.Equal("2028-03-29", Programme(shifted, "ajccbc").Planned.End);
        Assert.Equal("2027-03-31", shifted.Agreements.Single(a => a.Key == "grant-ajccbc-2026").Term.Start);
        Assert.Equal("2027-12-30", shifted.OutcomeReports.Due);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(365)]
    [InlineData(1103)]
    public void SeenFromALaterDayEveryTrainingIsTakenAsFarAsOnTheAsOfDay(int daysLater)
    {
        var onAsOf = Plans(AsOf);
        var later = Plans(AsOf.AddDays(daysLater));

        Assert.Equal(onAsOf, later);
        Assert.Equal(
            ["ics-2018: kept as schedule", "ics-2019: kept as schedule", "cyder-2026: open", "forensics-2026: caught up", "norms-workshop-2027: open"],
            later);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(365)]
    [InlineData(1103)]
    public void MovedActivityStaysInsideItsProgrammeAndReportsAreNotYetDue(int daysLater)
    {
        var today = AsOf.AddDays(daysLater);
        var shifted = DemoDateShift.For(Raw, new FixedClock(today)).Apply(Raw);

        foreach (var p in shifted.Programmes)
        {
            var (start, end) = (Day(p.Planned.Start), Day(p.Planned.End!));
            Assert.All(p.Trainings.SelectMany(t => t.Days), d => Assert.InRange(Day(d[0]), start, end));
            Assert.All(p.Budgets, b => Assert.InRange(Day(b.Period.End!), start, end));
        }

        Assert.True(Day(shifted.OutcomeReports.Period.End!) < today);
        Assert.True(Day(shifted.OutcomeReports.Due) > today);
    }

    private static List<string> Plans(DateOnly today)
    {
        var clock = new FixedClock(today);
        var shifted = DemoDateShift.For(Raw, clock).Apply(Raw);
        return [.. shifted.Programmes.SelectMany(p => p.Trainings.Select(t =>
        {
            var plan = TrainingSeedPlan.For(t, Day(p.Planned.End!), clock.GetUtcNow());
            return $"{t.Key}: {(plan.CatchUp ? "caught up" : plan.CanOpen ? "open" : "kept as schedule")}";
        }))];
    }

    private static DemoProgramme Programme(DemoDataFile data, string key) => data.Programmes.Single(p => p.Key == key);

    private static DemoTraining Training(DemoDataFile data, string key) => data.Programmes.SelectMany(p => p.Trainings).Single(t => t.Key == key);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    /// <summary>Noon UTC on a given day, standing still.</summary>
    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
