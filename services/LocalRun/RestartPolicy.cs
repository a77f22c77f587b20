namespace CapacityHub.LocalRun;

/// <summary>
/// How soon a supervised process that exited on its own is started again: after <see cref="FirstDelay"/>,
/// doubling with every further failure up to <see cref="MaxDelay"/>, so a process that cannot start does not
/// spin. A process that served for <see cref="HealthyAfter"/> before it failed counts as healthy again, and its
/// next failure waits only <see cref="FirstDelay"/>.
/// </summary>
public sealed record RestartPolicy
{
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan HealthyAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the restart that follows the <paramref name="failures"/>-th failure in a row (1-based).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // Doubling in floating point cannot overflow; the cap applies before the value is turned back into ticks.
        var ticks = FirstDelay.Ticks * Math.Pow(2, failures - 1);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The failure count after one more failure of a process that had served for <paramref name="served"/>.</summary>
    public int FailuresAfterExit(int failuresSoFar, TimeSpan served) => served >= HealthyAfter ? 1 : failuresSoFar + 1;
}
