namespace CapacityHub.Trainings.Domain.Outcomes;

public enum OutcomeReportStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Returned = 4,
}

public static class OutcomeReportLifecycle
{
    private static readonly Dictionary<OutcomeReportStatus, OutcomeReportStatus[]> Allowed = new()
    {
        [OutcomeReportStatus.Draft] = [OutcomeReportStatus.Submitted],
        [OutcomeReportStatus.Submitted] = [OutcomeReportStatus.Approved, OutcomeReportStatus.Returned],
        [OutcomeReportStatus.Returned] = [OutcomeReportStatus.Submitted],
        // Reopening is the only way out of approval, and it is audited.
        [OutcomeReportStatus.Approved] = [OutcomeReportStatus.Draft],
    };

    public static void EnsureCanMove(OutcomeReportStatus from, OutcomeReportStatus to)
    {
        if (!Allowed[from].Contains(to))
        {
            throw new DomainRuleException($"An outcome report that is {from.ToString().ToLowerInvariant()} cannot become {to.ToString().ToLowerInvariant()}");
        }
    }
}
