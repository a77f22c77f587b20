using CapacityHub.LocalRun;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>The back-off between restarts of a process that keeps exiting, and when it starts over.</summary>
public sealed class RestartPolicyTests
{
    private readonly RestartPolicy policy = new();

    [Fact]
    public void TheWaitDoublesFromOneSecondUpToThirtySeconds()
    {
        var waits = Enumerable.Range(1, 8).Select(failures => policy.DelayAfter(failures).TotalSeconds);

        Assert.Equal(new double[] { 1, 2, 4, 8, 16, 30, 30, 30 }, waits);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.DelayAfter(10_000));
    }

    [Fact]
    public void AProcessThatServedForAMinuteStartsOverAtTheFirstWait()
    {
        Assert.Equal(5, policy.FailuresAfterExit(4, TimeSpan.FromSeconds(59)));
        Assert.Equal(1, policy.FailuresAfterExit(4, TimeSpan.FromMinutes(1)));
        Assert.Equal(1, policy.FailuresAfterExit(0, TimeSpan.Zero));
    }
}
