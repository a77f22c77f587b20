using System.Globalization;
using CapacityHub.Common.V1;
using Google.Protobuf.WellKnownTypes;
using NodaTime;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>How API values read on a page, and how form text becomes API values.</summary>
public static class Formats
{
    public static Instant ToInstant(Timestamp timestamp) =>
        Instant.FromUnixTimeSeconds(timestamp.Seconds).PlusNanoseconds(timestamp.Nanos);

    public static string Date(Date? date) =>
        date is null || date.Year == 0 ? "" : $"{date.Year:0000}-{date.Month:00}-{date.Day:00}";

    public static string Range(DateRange? range) =>
        range is null ? "" : $"{Date(range.StartDate)} – {Date(range.EndDate)}";

    /// <summary>An ISO date from an &lt;input type="date"&gt;; null when empty or malformed (the service then names the field).</summary>
    public static Date? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new Date { Year = d.Year, Month = d.Month, Day = d.Day }
            : null;

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>A local date and time (&lt;input type="datetime-local"&gt;) in an IANA zone, as an instant; null when it cannot be read.</summary>
    public static Timestamp? ParseLocal(string? text, string? zoneName)
    {
        var zone = ViewerZone.Find(zoneName);
        if (zone is null || !DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var instant = LocalDateTime.FromDateTime(local).InZoneLeniently(zone).ToInstant();
        return Timestamp.FromDateTimeOffset(instant.ToDateTimeOffset());
    }

    public static double? ParseNumber(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int ParseInt(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>The id part of a resource name: "trainings/abc" gives "abc".</summary>
    public static string Id(string name) => name[(name.LastIndexOf('/') + 1)..];

    public static string Percent(double? share) => share is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Number(double? value, string format = "0.##") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>A readable status word for a proto enum value: "OpenForNomination" becomes "open for nomination".</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, System.Enum
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in value.ToString())
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    /// <summary>A status word at the start of a line or an option: "funding" becomes "Funding" (scripts without case are unchanged).</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    /// <summary>A label shown capitalised on its own, lower-cased again where it sits inside a sentence; scripts without case are left as they are.</summary>
    public static string InSentence(string text) => text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];

    public static IEnumerable<string> List(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
