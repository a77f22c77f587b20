using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// Dates written the way the reader's language writes them. English keeps one fixed form for every English
/// reader; Japanese puts year, month and day first; Thai uses its own month and day names. Years stay in the common
/// era for every reader, Thai included: partners in several countries compare these dates, and one year number
/// avoids a 543-year misreading.
/// </summary>
public static class ReaderDates
{
    public enum Style
    {
        /// <summary>"Wednesday 10 February 2027", "2027年2月10日 水曜日".</summary>
        Long,

        /// <summary>"February 2027", "2027年2月".</summary>
        Month,

        /// <summary>"Wed 10 Feb", "2月10日(水)".</summary>
        Short,

        /// <summary>"Wed", "水".</summary>
        Weekday,

        /// <summary>"Wednesday", "水曜日".</summary>
        WeekdayName,
    }

    private static readonly ConcurrentDictionary<(string, Style), LocalDatePattern> Patterns = new();
    private static readonly ConcurrentDictionary<string, ZonedDateTimePattern> DateTimes = new(StringComparer.Ordinal);

    public static string Format(LocalDate date, Style style) => PatternFor(CultureInfo.CurrentCulture, style).Format(date);

    /// <summary>A date and time of day: "Wed 10 Feb 2027 09:00", "2027年2月10日(水) 09:00", "พ. 10 ก.พ. 2027 09:00".</summary>
    public static string Format(ZonedDateTime value)
    {
        var culture = CultureInfo.CurrentCulture;
        var language = LanguageOf(culture);
        var text = language == "ja" ? "uuuu'年'M'月'd'日'(ddd) HH:mm" : "ddd d MMM uuuu HH:mm";
        return DateTimes.GetOrAdd(language == "en" ? "" : culture.Name, _ => language == "en"
            ? ZonedDateTimePattern.CreateWithInvariantCulture(text, null)
            : ZonedDateTimePattern.Create(text, culture, null, null, default)).Format(value);
    }

    private static LocalDatePattern PatternFor(CultureInfo culture, Style style)
    {
        var language = LanguageOf(culture);
        return Patterns.GetOrAdd((language == "en" ? "" : culture.Name, style), _ => language == "en"
            ? LocalDatePattern.CreateWithInvariantCulture(Text("en", style))
            : LocalDatePattern.Create(Text(language, style), culture));
    }

    /// <summary>The languages with patterns of their own; every other reader gets the English forms.</summary>
    private static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName is "ja" or "th" ? culture.TwoLetterISOLanguageName : "en";

    private static string Text(string language, Style style) => (language, style) switch
    {
        ("ja", Style.Long) => "uuuu'年'M'月'd'日' dddd",
        ("ja", Style.Month) => "uuuu'年'M'月'",
        ("ja", Style.Short) => "M'月'd'日'(ddd)",
        (_, Style.Long) => "dddd d MMMM uuuu",
        (_, Style.Month) => "MMMM uuuu",
        (_, Style.Short) => "ddd d MMM",
        (_, Style.WeekdayName) => "dddd",
        _ => "ddd",
    };
}
