using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Domain;

public class TrainingTests
{
    [Theory]
    [InlineData(TrainingStatus.Planned, TrainingStatus.OpenForNomination, true)]
    [InlineData(TrainingStatus.Planned, TrainingStatus.Cancelled, true)]
    [InlineData(TrainingStatus.Planned, TrainingStatus.Confirmed, false)]
    [InlineData(TrainingStatus.OpenForNomination, TrainingStatus.Confirmed, true)]
    [InlineData(TrainingStatus.Confirmed, TrainingStatus.InProgress, true)]
    [InlineData(TrainingStatus.Confirmed, TrainingStatus.Completed, false)]
    [InlineData(TrainingStatus.InProgress, TrainingStatus.Completed, true)]
    [InlineData(TrainingStatus.InProgress, TrainingStatus.Cancelled, false)]
    [InlineData(TrainingStatus.Completed, TrainingStatus.InProgress, false)]
    [InlineData(TrainingStatus.Cancelled, TrainingStatus.Planned, false)]
    public void StatusTransitions(TrainingStatus from, TrainingStatus to, bool allowed) =>
        Assert.Equal(allowed, TrainingLifecycle.CanMove(from, to));

    [Fact]
    public void InvalidDefinitionReportsEveryBadField()
    {
        var definition = TestData.Definition(seats: 0, waitlist: -1, new Quota(QuotaScope.Country, "Viet Nam", 0)) with
        {
            Title = "",
            Language = "english!",
            NominationWindow = new NominationWindow(TestData.Deadline, TestData.WindowOpens),
        };

        var error = Assert.Throws<DomainValidationException>(() => new Training("t", definition));

        Assert.Equal(
            ["language", "nomination_window.deadline", "quotas[0].key", "quotas[0].seats", "seats", "title", "waitlist_size"],
            error.Errors.Select(e => e.Field).Distinct().Order());
    }

    [Fact]
    public void OpeningNominationsNeedsAProgrammeInImplementation()
    {
        var training = new Training("t-1", TestData.Definition());
        training.AddSessionDay(TestData.TokyoDay("d-1", 2), TestData.Programme2026);

        var error = Assert.Throws<DomainRuleException>(() => training.OpenNominations(TestData.DuringWindow, TestData.Programme2026 with { InImplementation = false }));

        Assert.Contains("in implementation", error.Message);
        Assert.Equal(TrainingStatus.Planned, training.Status);
    }

    [Fact]
    public void OpeningNominationsNeedsASessionDayAndAFutureDeadlineBeforeTheFirstDay()
    {
        var unscheduled = new Training("t-1", TestData.Definition());
        Assert.Contains("at least one session day", Assert.Throws<DomainRuleException>(() => unscheduled.OpenNominations(TestData.DuringWindow, TestData.Programme2026)).Message);

        var late = new Training("t-1", TestData.Definition() with { NominationWindow = new NominationWindow(TestData.WindowOpens, Instant.FromUtc(2026, 3, 2, 1, 0)) });
        late.AddSessionDay(TestData.TokyoDay("d-1", 2), TestData.Programme2026);
        Assert.Contains("before the first session day", Assert.Throws<DomainRuleException>(() => late.OpenNominations(TestData.DuringWindow, TestData.Programme2026)).Message);

        var training = new Training("t-1", TestData.Definition());
        training.AddSessionDay(TestData.TokyoDay("d-1", 2), TestData.Programme2026);
        Assert.Contains("already passed", Assert.Throws<DomainRuleException>(() => training.OpenNominations(TestData.Deadline, TestData.Programme2026)).Message);

        training.OpenNominations(TestData.DuringWindow, TestData.Programme2026);
        Assert.Equal(TrainingStatus.OpenForNomination, training.Status);
    }

    [Fact]
    public void SessionDayMustLieInsideTheProgrammePeriodInItsOwnZone()
    {
        var training = new Training("t-1", TestData.Definition());
        // 31 Dec 2026 20:00 in New York is already 1 Jan 2027 in UTC, but the local date is what the programme means.
        var newYearsEve = SessionDay.Plan("d-1", "t-1", new LocalDateTime(2026, 12, 31, 18, 0), new LocalDateTime(2026, 12, 31, 22, 0), TestData.NewYork, "", []);
        training.AddSessionDay(newYearsEve, TestData.Programme2026);

        var nextYear = SessionDay.Plan("d-2", "t-1", new LocalDateTime(2027, 1, 4, 9, 0), new LocalDateTime(2027, 1, 4, 12, 0), TestData.Tokyo, "", []);
        var error = Assert.Throws<DomainRuleException>(() => training.AddSessionDay(nextYear, TestData.Programme2026));
        Assert.Contains("outside the programme's period 2026-01-01 to 2026-12-31", error.Message);
        Assert.Single(training.SessionDays);
    }

    [Fact]
    public void DaysOfOneTrainingCannotOverlapButCanBeMoved()
    {
        var training = new Training("t-1", TestData.Definition());
        training.AddSessionDay(TestData.TokyoDay("d-1", 2), TestData.Programme2026);
        training.AddSessionDay(TestData.TokyoDay("d-2", 3), TestData.Programme2026);

        Assert.Throws<DomainRuleException>(() => training.AddSessionDay(TestData.TokyoDay("d-3", 3), TestData.Programme2026));

        training.AddSessionDay(TestData.TokyoDay("d-2", 4), TestData.Programme2026);
        Assert.Equal(["d-1", "d-2"], training.SessionDays.Select(d => d.Id));
        Assert.Equal(new LocalDate(2026, 3, 4), training.SessionDays[1].LocalDate);
    }

    [Fact]
    public void CancellingNeedsAReasonAndEndsTheTraining()
    {
        var training = TestData.OpenTraining();

        Assert.Throws<DomainValidationException>(() => training.Cancel(" "));
        training.Cancel("Typhoon warning for Tokyo");

        Assert.Equal(TrainingStatus.Cancelled, training.Status);
        Assert.Equal("Typhoon warning for Tokyo", training.CancellationReason);
        Assert.Throws<DomainRuleException>(() => training.Confirm());
        Assert.Throws<DomainRuleException>(() => training.AddSessionDay(TestData.TokyoDay("d-9", 9), TestData.Programme2026));
    }

    [Fact]
    public void SeatsCannotShrinkOnceNominationsOpen()
    {
        var training = TestData.OpenTraining(seats: 10);

        Assert.Throws<DomainRuleException>(() => training.Update(TestData.Definition(seats: 9)));
        training.Update(TestData.Definition(seats: 12));
        Assert.Equal(12, training.Definition.Seats);
    }
}
