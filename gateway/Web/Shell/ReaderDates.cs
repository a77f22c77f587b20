using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// Calendar dates written the way the reader's language writes them. English keeps one fixed form for every
/// English reader; Japanese puts year, month and day first; Thai uses its own month and day names. Years stay in
/// the common era (see <see cref="ViewerZone.Format"/>).
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

    public static string Format(LocalDate date, Style style) => PatternFor(CultureInfo.CurrentCulture, style).Format(date);

    private static LocalDatePattern PatternFor(CultureInfo culture, Style style)
    {
        var language = culture.TwoLetterISOLanguageName is "ja" or "th" ? culture.TwoLetterISOLanguageName : "en";
        return Patterns.GetOrAdd((language == "en" ? "" : culture.Name, style), _ => language == "en"
            ? LocalDatePattern.CreateWithInvariantCulture(Text("en", style))
            : LocalDatePattern.Create(Text(language, style), culture));
    }

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
