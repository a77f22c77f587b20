using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Web.Partner;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CapacityHub.Gateway.Web.Pages.Partner;

/// <summary>
/// What a partner agency has to act on: trainings taking its nominations (soonest deadline first), how
/// its participants stand, and reports it still owes. Only the agency's own nominations and reports are read.
/// </summary>
public static class PartnerHomeData
{
    /// <summary>A report not yet submitted (or returned for changes) is still owed, however far off its due date.</summary>
    private static readonly OutcomeReportStatus[] Owed = [OutcomeReportStatus.Draft, OutcomeReportStatus.Returned];

    public sealed record Work(
        IReadOnlyList<Training> Nominating,
        IReadOnlyList<(NominationStatus Status, int Count)> Participants,
        IReadOnlyList<OutcomeReport> ReportsDue,
        IReadOnlyDictionary<string, string> ProgrammeTitles,
        LocalDate Today);

    public static async Task<Work> LoadAsync(WebRequest request)
    {
        var open = PartnerTrainings.OpenToUsAsync(request);
        var ours = PartnerTrainings.OursAsync(request);
        var reports = OutcomeReportData.OursAsync(request);
        var programmes = OutcomeReportData.ProgrammesAsync(request);
        var nominating = (await open)
            .Where(t => t.Status == TrainingStatus.OpenForNomination)
            .OrderBy(t => t.NominationDeadline is null ? Instant.MaxValue : Formats.ToInstant(t.NominationDeadline))
            .ToList();
        var participants = (await ours)
            .GroupBy(n => n.Status)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        var due = (await reports)
            .Where(r => Owed.Contains(r.Status))
            .OrderBy(r => r.DueDate is null ? LocalDate.MaxIsoValue : new LocalDate(r.DueDate.Year, r.DueDate.Month, r.DueDate.Day))
            .ToList();
        var titles = (await programmes).ToDictionary(p => p.Name, p => p.Title);
        var today = SystemClock.Instance.GetCurrentInstant().InZone(request.Zone.Zone).Date;
        return new Work(nominating, participants, due, titles, today);
    }

    /// <summary>"overdue by 3 days", "due today", "due in 5 days": how urgent a report is, in the viewer's calendar.</summary>
    public static string Urgency(Common.V1.Date? due, LocalDate today, IStringLocalizer<UiText> l)
    {
        if (due is null || due.Year == 0)
        {
            return l["no due date"];
        }

        var days = Period.Between(today, new LocalDate(due.Year, due.Month, due.Day), PeriodUnits.Days).Days;
        return days switch
        {
            < -1 => l["overdue by {0} days", -days],
            -1 => l["overdue by 1 day"],
            0 => l["due today"],
            1 => l["due tomorrow"],
            _ => l["due in {0} days", days],
        };
    }

    /// <summary>"closes in 2 days" from the viewer's now; past deadlines read as closed.</summary>
    public static string Closing(Google.Protobuf.WellKnownTypes.Timestamp? deadline, Instant now, IStringLocalizer<UiText> l)
    {
        if (deadline is null)
        {
            return l["no deadline set"];
        }

        var left = Formats.ToInstant(deadline) - now;
        return left switch
        {
            { TotalHours: < 0 } => l["closed"],
            { TotalHours: < 24 } => l["closes within a day"],
            { TotalHours: < 48 } => l["closes in 1 day"],
            _ => l["closes in {0} days", (int)left.TotalDays],
        };
    }
}
