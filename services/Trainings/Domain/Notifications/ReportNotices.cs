using System.Globalization;
using CapacityHub.Trainings.Domain.Outcomes;
using NodaTime;
using NodaTime.Text;

namespace CapacityHub.Trainings.Domain.Notifications;

/// <summary>What a change to an outcome report tells people, and the reminder of one falling due.</summary>
public static class ReportNotices
{
    private static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("d MMMM uuuu");

    /// <summary>The notice a change of status calls for, if any (edits and reopening tell nobody).</summary>
    public static Notice? ForChange(OutcomeReport report, OutcomeReportStatus before)
    {
        if (report.Status == before)
        {
            return null;
        }

        var period = PeriodOf(report);
        var subject = $"outcomeReports/{report.Id}";
        return report.Status switch
        {
            OutcomeReportStatus.Submitted => new Notice(NoticeKind.ReportSubmitted, Audience.Managers(report.ProgrammeId),
                $"Outcome report to review: {period}",
                $"A partner's outcome report for {period} (due {Date.Format(report.DueDate)}) was submitted for your review.", subject, report.ProgrammeId,
                Organisation: report.PartnerOrganisationId),
            OutcomeReportStatus.Approved => new Notice(NoticeKind.ReportApproved, Audience.Organisation(report.PartnerOrganisationId),
                $"Outcome report approved: {period}", $"Your outcome report for {period} was approved.", subject, report.ProgrammeId),
            OutcomeReportStatus.Returned => new Notice(NoticeKind.ReportReturned, Audience.Organisation(report.PartnerOrganisationId),
                $"Outcome report returned for changes: {period}",
                $"Your outcome report for {period} was returned.\nReviewer's comment: {report.Audit[^1].Note}", subject, report.ProgrammeId),
            _ => null,
        };
    }

    /// <summary>A report not yet submitted whose due date is within <paramref name="window"/> of today (or passed).</summary>
    public static Notice? Due(OutcomeReport report, LocalDate today, Period window)
    {
        if (report.Status is not (OutcomeReportStatus.Draft or OutcomeReportStatus.Returned) || report.DueDate > today.Plus(window))
        {
            return null;
        }

        var days = Period.Between(today, report.DueDate, PeriodUnits.Days).Days;
        var when = days switch
        {
            < 0 => $"was due on {Date.Format(report.DueDate)}",
            0 => "is due today",
            1 => "is due tomorrow",
            _ => string.Create(CultureInfo.InvariantCulture, $"is due in {days} days, on {Date.Format(report.DueDate)}"),
        };
        var period = PeriodOf(report);
        return new Notice(NoticeKind.ReportDue, Audience.Organisation(report.PartnerOrganisationId),
            $"Outcome report due: {period}", $"Your outcome report for {period} {when}.", $"outcomeReports/{report.Id}", report.ProgrammeId,
            OnceKey: $"reportDue/{report.Id}/{report.DueDate:yyyy-MM-dd}");
    }

    private static string PeriodOf(OutcomeReport report) => $"{Date.Format(report.Period.Start)} – {Date.Format(report.Period.End)}";
}
