namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>
/// A person counts once per programme-year however many trainings they join, so reach moves only when
/// their count of enrolments there crosses zero.
/// </summary>
public static class ReachDelta
{
    public static long ForEnrolmentCountChange(long enrolmentsBefore, long enrolmentsAfter) =>
        (enrolmentsBefore > 0, enrolmentsAfter > 0) switch
        {
            (false, true) => 1,
            (true, false) => -1,
            _ => 0,
        };
}

/// <summary>One report a partner owes (from its agreement's reporting schedule) and whether it came in on time.</summary>
public sealed record ReportingObligation(string ProgrammeId, string OrganisationId, NodaTime.LocalDate DueDate, bool Received, bool OnTime)
{
    public ReportingCellKey CellKey => new(ProgrammeId, OrganisationId, DueDate.Year);

    public ReportingCell Contribution() => new(CellKey, 1, Received ? 1 : 0, OnTime ? 1 : 0);

    public static ReportingObligation For(Outcomes.OutcomeReport report, NodaTime.DateTimeZone reportingZone) =>
        new(report.ProgrammeId, report.PartnerOrganisationId, report.DueDate, report.FirstSubmittedAt is not null, report.SubmittedOnTime(reportingZone));
}
