using CapacityHub.Programmes.Domain;
using CapacityHub.Programmes.V1;
using static CapacityHub.Programmes.Tests.SampleProgrammes;

namespace CapacityHub.Programmes.Tests.Domain;

public sealed class TrainingWindowTests
{
    [Fact]
    public void TrainingInsideAnImplementingProgrammeIsAllowed()
    {
        var p = IcsTraining();
        p.Status = ActivityStatus.Implementation;

        var answer = TrainingWindow.Check(p, new DateOnly(2018, 9, 10), new DateOnly(2018, 9, 14), [Etda, "organisations/unknown"]);

        Assert.True(answer.Allowed);
        Assert.Empty(answer.Problems);
        Assert.True(answer.Organisations[0].Participates);
        Assert.True(answer.Organisations[0].MayNominate);
        Assert.False(answer.Organisations[1].Participates);
    }

    [Fact]
    public void PipelineProgrammeAndDatesOutsideAreBothReported()
    {
        var p = IcsTraining();
        p.Status = ActivityStatus.Pipeline;

        var answer = TrainingWindow.Check(p, new DateOnly(2020, 3, 30), new DateOnly(2020, 4, 2), []);

        Assert.False(answer.Allowed);
        Assert.False(answer.InImplementation);
        Assert.False(answer.WithinPeriod);
        Assert.Equal(2, answer.Problems.Count);
    }

    [Fact]
    public void ActualEndDateShortensTheWindow()
    {
        var p = IcsTraining();
        p.Status = ActivityStatus.Implementation;
        p.ActualPeriod = Range(D(2018, 5, 1), D(2019, 12, 31));

        var answer = TrainingWindow.Check(p, new DateOnly(2020, 1, 10), new DateOnly(2020, 1, 12), []);

        Assert.False(answer.WithinPeriod);
        Assert.Equal(D(2019, 12, 31), answer.ProgrammePeriod.EndDate);
    }

    [Fact]
    public void HostWithoutNominatingRoleMayNotNominate()
    {
        var p = IcsTraining();
        p.Status = ActivityStatus.Implementation;
        var answer = TrainingWindow.Check(p, new DateOnly(2018, 9, 10), new DateOnly(2018, 9, 14), [Ipa]);
        Assert.True(answer.Organisations[0].Participates);
        Assert.False(answer.Organisations[0].MayNominate);
    }
}
