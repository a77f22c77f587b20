namespace CapacityHub.Trainings.Domain.Scheduling;

public enum TrainingStatus
{
    Planned = 1,
    OpenForNomination = 2,
    Confirmed = 3,
    InProgress = 4,
    Completed = 5,
    Cancelled = 6,
}

public enum TrainingMode
{
    InPerson = 1,
    Online = 2,
    Blended = 3,
}

/// <summary>The one place that says which training status may follow which.</summary>
public static class TrainingLifecycle
{
    private static readonly Dictionary<TrainingStatus, TrainingStatus[]> Allowed = new()
    {
        [TrainingStatus.Planned] = [TrainingStatus.OpenForNomination, TrainingStatus.Cancelled],
        [TrainingStatus.OpenForNomination] = [TrainingStatus.Confirmed, TrainingStatus.Cancelled],
        [TrainingStatus.Confirmed] = [TrainingStatus.InProgress, TrainingStatus.Cancelled],
        [TrainingStatus.InProgress] = [TrainingStatus.Completed],
        [TrainingStatus.Completed] = [],
        [TrainingStatus.Cancelled] = [],
    };

    public static bool CanMove(TrainingStatus from, TrainingStatus to) => Allowed[from].Contains(to);

    public static void EnsureCanMove(TrainingStatus from, TrainingStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new DomainRuleException($"A training that is {Describe(from)} cannot become {Describe(to)}");
        }
    }

    public static string Describe(TrainingStatus status) => status switch
    {
        TrainingStatus.Planned => "planned",
        TrainingStatus.OpenForNomination => "open for nomination",
        TrainingStatus.Confirmed => "confirmed",
        TrainingStatus.InProgress => "in progress",
        TrainingStatus.Completed => "completed",
        TrainingStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };
}
