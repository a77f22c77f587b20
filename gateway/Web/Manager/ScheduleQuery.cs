using CapacityHub.Gateway.Web.Shell;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;
using NodaTime.Text;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// What the scheduling form is opened with, e.g. from a day of the calendar: the first session day's date
/// (<c>start</c>, the venue's calendar) and the programme. A value the form cannot use is refused (400 naming
/// the parameter), as the calendar does, rather than silently dropped.
/// </summary>
public sealed record ScheduleQuery(LocalDate? Start, string Programme)
{
    public const string Path = "/manager/schedule";

    public static ScheduleQuery From(Func<string, string> query) =>
        new(CalendarQuery.DateParameter(query, "start"), CalendarQuery.ProgrammeParameter(query, "programme"));

    /// <summary>The start date as an &lt;input type="date"&gt; value; empty when none was given.</summary>
    public string StartText => Start is { } start ? LocalDatePattern.Iso.Format(start) : "";

    /// <summary>Where a created training goes to get its days: its page, with the add-a-day form's date set to the start asked for.</summary>
    public static string TrainingLink(string trainingId, string startText)
    {
        var parameters = new Dictionary<string, string?> { ["created"] = "1" };
        if (LocalDatePattern.Iso.Parse(startText).Success)
        {
            parameters["start"] = startText;
        }

        return QueryHelpers.AddQueryString($"/manager/trainings/{trainingId}", parameters);
    }

    public static string Link(LocalDate start, string programme)
    {
        var parameters = new Dictionary<string, string?> { ["start"] = LocalDatePattern.Iso.Format(start) };
        if (programme.Length > 0)
        {
            parameters["programme"] = programme;
        }

        return QueryHelpers.AddQueryString(Path, parameters);
    }

    /// <summary>A programme asked for that is not one of the caller's is refused, as the calendar's filter is.</summary>
    public void RequireAmong(IEnumerable<string> programmeIds)
    {
        if (Programme.Length > 0 && !programmeIds.Contains(Programme, StringComparer.Ordinal))
        {
            throw new BadQueryParameterException("programme", $"names none of your programmes (\"{Programme}\")");
        }
    }
}
