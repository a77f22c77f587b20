using CapacityHub.Programmes.Domain;
using CapacityHub.Programmes.V1;
using static CapacityHub.Programmes.Tests.SampleProgrammes;

namespace CapacityHub.Programmes.Tests.Domain;

public sealed class ProgrammeLifecycleTests
{
    [Theory]
    [InlineData(ActivityStatus.Pipeline, StatusChange.StartImplementation, ActivityStatus.Implementation)]
    [InlineData(ActivityStatus.Implementation, StatusChange.Suspend, ActivityStatus.Suspended)]
    [InlineData(ActivityStatus.Suspended, StatusChange.Resume, ActivityStatus.Implementation)]
    [InlineData(ActivityStatus.Implementation, StatusChange.BeginFinalisation, ActivityStatus.Finalisation)]
    [InlineData(ActivityStatus.Finalisation, StatusChange.Close, ActivityStatus.Closed)]
    [InlineData(ActivityStatus.Suspended, StatusChange.Cancel, ActivityStatus.Cancelled)]
    public void AllowedChangesReachTheirTarget(ActivityStatus from, StatusChange change, ActivityStatus to)
    {
        var p = IcsTraining();
        p.Status = from;

        Assert.Null(ProgrammeLifecycle.WhyNot(p, change));
        ProgrammeLifecycle.Apply(p, change, new DateOnly(2018, 5, 1), "reason");

        Assert.Equal(to, p.Status);
        Assert.Equal("reason", p.StatusReason);
    }

    [Theory]
    [InlineData(ActivityStatus.Closed, StatusChange.Suspend)]
    [InlineData(ActivityStatus.Pipeline, StatusChange.Close)]
    [InlineData(ActivityStatus.Cancelled, StatusChange.StartImplementation)]
    [InlineData(ActivityStatus.Finalisation, StatusChange.Cancel)]
    public void ForbiddenChangesExplainThemselves(ActivityStatus from, StatusChange change)
    {
        var p = IcsTraining();
        p.Status = from;

        var why = ProgrammeLifecycle.WhyNot(p, change);

        Assert.NotNull(why);
        Assert.Contains("JPUS-ICS", why);
        Assert.Contains(StatusWords.Of(from), why);
    }

    [Fact]
    public void StartAndFinalisationRecordActualDates()
    {
        var p = IcsTraining();
        p.Status = ActivityStatus.Pipeline;

        ProgrammeLifecycle.Apply(p, StatusChange.StartImplementation, new DateOnly(2018, 4, 2), "");
        ProgrammeLifecycle.Apply(p, StatusChange.BeginFinalisation, new DateOnly(2020, 3, 1), "");

        Assert.Equal(D(2018, 4, 2), p.ActualPeriod.StartDate);
        Assert.Equal(D(2020, 3, 1), p.ActualPeriod.EndDate);
    }

    [Fact]
    public void OnlyPipelineOrCancelledProgrammesCanBeDeleted()
    {
        var p = IcsTraining();
        p.Status = ActivityStatus.Implementation;
        Assert.NotNull(ProgrammeLifecycle.WhyNotDelete(p));
        p.Status = ActivityStatus.Cancelled;
        Assert.Null(ProgrammeLifecycle.WhyNotDelete(p));
    }
}
