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

        var dateText = query("date");
        var date = today;
        if (dateText.Length > 0)
        {
            var parsed = LocalDatePattern.Iso.Parse(dateText);
            if (!parsed.Success || parsed.Value.Year is < 1900 or > 2999)
            {
                throw new BadQueryParameterException("date", $"is not a calendar date written yyyy-MM-dd (\"{dateText}\"; e.g. 2027-02-10)");
            }

            date = parsed.Value;
        }

        var programme = query("programme");
        if (programme.Length > 0 && (programme.Length > 64 || !programme.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new BadQueryParameterException("programme", $"is not a programme id (\"{programme}\")");
        }

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
        var parameters = new Dictionary<string, string?>
        {
            ["view"] = view == CalendarView.Week ? "week" : "month",
            ["date"] = LocalDatePattern.Iso.Format(date),
        };
        foreach (var (key, value) in new[] { ("programme", Programme), ("country", Country), ("trainer", Trainer), ("tz", Zone) })
        {
            if (value.Length > 0)
            {
                parameters[key] = value;
            }
        }

        return QueryHelpers.AddQueryString(Path, parameters);
    }

    public bool Filtered => Programme.Length > 0 || Country.Length > 0 || Trainer.Length > 0;

    /// <summary>The venue country and trainer filters; the programme filter is applied when trainings are listed.</summary>
    public bool Shows(Training training, SessionDay day) =>
        (Country.Length == 0 || string.Equals(training.Venue?.CountryCode, Country, StringComparison.OrdinalIgnoreCase))
        && (Trainer.Length == 0 || day.Trainers.Contains(Trainer));
}
