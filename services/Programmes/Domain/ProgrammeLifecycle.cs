using CapacityHub.Programmes.V1;

namespace CapacityHub.Programmes.Domain;

/// <summary>The status verbs of a programme and the IATI activity statuses each may start from.</summary>
public enum StatusChange
{
    StartImplementation,
    Suspend,
    Resume,
    BeginFinalisation,
    Close,
    Cancel,
}

/// <summary>
/// Which status changes a programme allows. Kept apart from storage so the rules read as a table and the
/// error text names what the person tried and what would have been allowed.
/// </summary>
public static class ProgrammeLifecycle
{
    private sealed record Rule(string Verb, ActivityStatus[] From, ActivityStatus To, bool NeedsReason);

    private static readonly Dictionary<StatusChange, Rule> Rules = new()
    {
        [StatusChange.StartImplementation] = new("start implementation of", [ActivityStatus.Pipeline], ActivityStatus.Implementation, false),
        [StatusChange.Suspend] = new("suspend", [ActivityStatus.Implementation], ActivityStatus.Suspended, true),
        [StatusChange.Resume] = new("resume", [ActivityStatus.Suspended], ActivityStatus.Implementation, false),
        [StatusChange.BeginFinalisation] = new("begin finalisation of", [ActivityStatus.Implementation], ActivityStatus.Finalisation, false),
        [StatusChange.Close] = new("close", [ActivityStatus.Finalisation], ActivityStatus.Closed, false),
        [StatusChange.Cancel] = new("cancel", [ActivityStatus.Pipeline, ActivityStatus.Implementation, ActivityStatus.Suspended], ActivityStatus.Cancelled, true),
    };

    public static bool RequiresReason(StatusChange change) => Rules[change].NeedsReason;

    public static ActivityStatus TargetOf(StatusChange change) => Rules[change].To;

    /// <summary>Null when allowed; otherwise why not, in words a programme manager understands.</summary>
    public static string? WhyNot(Programme programme, StatusChange change)
    {
        var rule = Rules[change];
        if (rule.From.Contains(programme.Status))
        {
            return null;
        }

        var from = string.Join(" or ", rule.From.Select(StatusWords.Of));
        return $"Cannot {rule.Verb} programme {programme.Code}: its status is {StatusWords.Of(programme.Status)}; this is only possible from {from}.";
    }

    /// <summary>Applies an allowed change: status, reason and the actual dates it implies.</summary>
    public static void Apply(Programme programme, StatusChange change, DateOnly effective, string reason)
    {
        programme.Status = Rules[change].To;
        programme.StatusReason = reason;
        programme.ActualPeriod ??= new Common.V1.DateRange();
        switch (change)
        {
            case StatusChange.StartImplementation:
                programme.ActualPeriod.StartDate = new Common.V1.Date { Year = effective.Year, Month = effective.Month, Day = effective.Day };
                break;
            case StatusChange.BeginFinalisation or StatusChange.Cancel when programme.ActualPeriod.StartDate is not null:
                programme.ActualPeriod.EndDate = new Common.V1.Date { Year = effective.Year, Month = effective.Month, Day = effective.Day };
                break;
        }
    }

    /// <summary>Only programmes that never started or were cancelled may disappear; the rest is history.</summary>
    public static string? WhyNotDelete(Programme programme) =>
        programme.Status is ActivityStatus.Pipeline or ActivityStatus.Cancelled
            ? null
            : $"Cannot delete programme {programme.Code}: its status is {StatusWords.Of(programme.Status)}; only programmes in pipeline or cancelled ones can be deleted (cancel it first).";

    /// <summary>Closed and cancelled programmes are history: their content no longer changes.</summary>
    public static string? WhyNotEdit(Programme programme) =>
        programme.Status is ActivityStatus.Closed or ActivityStatus.Cancelled
            ? $"Programme {programme.Code} is {StatusWords.Of(programme.Status)} and can no longer be changed."
            : null;
}
