using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.V1;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;
using NodaTime.Text;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// What the training calendar shows, read from the query string: the view, a day of the period, and the
/// programme, venue country and trainer filters. A value the page cannot honour is refused (400 naming
/// the parameter) so nobody reads a calendar filtered other than they asked.
/// </summary>
public sealed record CalendarQuery(CalendarView View, LocalDate Date, string Programme, string Country, string Trainer, string Zone)
{
    public const string Path = "/manager/calendar";

    public static CalendarQuery From(Func<string, string> query, LocalDate today)
    {
        var view = query("view") switch
        {
            "" or "month" => CalendarView.Month,
            "week" => CalendarView.Week,
            var other => throw new BadQueryParameterException("view", $"is not month or week (\"{other}\")"),
        };

        var date = DateParameter(query, "date") ?? today;
        var programme = ProgrammeParameter(query, "programme");

        var country = query("country").ToUpperInvariant();
        if (country.Length > 0 && !CountryCodes.IsAssigned(country))
        {
            throw new BadQueryParameterException("country", $"is not an ISO 3166-1 alpha-2 country code (\"{country}\"; e.g. TH)");
        }

        return new CalendarQuery(view, date, programme, country, query("trainer"), query("tz"));
    }

    /// <summary>The calendar at another view or period with the same filters and zone, so paging never drops a filter.</summary>
    public string Link(CalendarView view, LocalDate date)
    {
        var parameters = (this with { View = view, Date = date }).Parameters().ToDictionary(p => p.Key, p => (string?)p.Value);
        if (Zone.Length > 0)
        {
            parameters["tz"] = Zone;
        }

        return QueryHelpers.AddQueryString(Path, parameters);
    }

    /// <summary>
    /// The period and filters as query parameters, without the zone: what a form that changes only the zone
    /// (the zone picker) must send along so that choosing a zone keeps the view, the date and the filters.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters()
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("view", View == CalendarView.Week ? "week" : "month"),
            new("date", LocalDatePattern.Iso.Format(Date)),
        };
        foreach (var (key, value) in new[] { ("programme", Programme), ("country", Country), ("trainer", Trainer) })
        {
            if (value.Length > 0)
            {
                parameters.Add(new(key, value));
            }
        }

        return parameters;
    }

    /// <summary>The scheduling form for a day of the grid, in the programme the calendar is filtered by (if any).</summary>
    public string ScheduleLink(LocalDate day) => ScheduleQuery.Link(day, Programme);

    /// <summary>An optional yyyy-MM-dd query parameter; anything else is refused naming the parameter.</summary>
    public static LocalDate? DateParameter(Func<string, string> query, string parameter)
    {
        var text = query(parameter);
        if (text.Length == 0)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success || parsed.Value.Year is < 1900 or > 2999)
        {
            throw new BadQueryParameterException(parameter, $"is not a calendar date written yyyy-MM-dd (\"{text}\"; e.g. 2027-02-10)");
        }

        return parsed.Value;
    }

    /// <summary>An optional programme id (the part after "programmes/"); whether it is the caller's is checked against their programmes.</summary>
    public static string ProgrammeParameter(Func<string, string> query, string parameter)
    {
        var programme = query(parameter);
        if (programme.Length > 0 && (programme.Length > 64 || !programme.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new BadQueryParameterException(parameter, $"is not a programme id (\"{programme}\")");
        }

        return programme;
    }

    public bool Filtered => Programme.Length > 0 || Country.Length > 0 || Trainer.Length > 0;

    /// <summary>The venue country and trainer filters; the programme filter is applied when trainings are listed.</summary>
    public bool Shows(Training training, SessionDay day) =>
        (Country.Length == 0 || string.Equals(training.Venue?.CountryCode, Country, StringComparison.OrdinalIgnoreCase))
        && (Trainer.Length == 0 || day.Trainers.Contains(Trainer));
}
