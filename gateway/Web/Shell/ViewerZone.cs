using NodaTime;
using NodaTime.Text;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// The time zone of the person looking at a page: the browser reports it in a cookie (app.js) and a
/// query string can override it. An unknown name in the query string is refused (400 naming "tz"); an unknown
/// cookie, which the browser set, falls back to UTC rather than guessing.
/// </summary>
public sealed class ViewerZone
{
    public const string Cookie = "capacityhub_tz";

    private static readonly LocalTimePattern TimeOnly = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private ViewerZone(DateTimeZone zone, bool known)
    {
        Zone = zone;
        Known = known;
    }

    public DateTimeZone Zone { get; }

    /// <summary>False when the browser has not told us its zone yet (times are then shown in UTC).</summary>
    public bool Known { get; }

    public string Id => Zone.Id;

    public static ViewerZone Of(HttpContext http)
    {
        var name = http.Request.Query["tz"].ToString();
        if (name.Length > 0)
        {
            return Find(name) is { } asked ? new ViewerZone(asked, true)
                : throw new BadQueryParameterException("tz", $"names no IANA time zone (\"{name}\"); use a name such as Asia/Tokyo");
        }

        name = http.Request.Cookies[Cookie] ?? "";
        return Find(name) is { } zone ? new ViewerZone(zone, true) : new ViewerZone(DateTimeZone.Utc, false);
    }

    public static DateTimeZone? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(name.Trim());

    /// <summary>Date and time in the zone, in the reader's language (<see cref="ReaderDates"/>).</summary>
    public static string Format(Instant instant, DateTimeZone zone) => ReaderDates.Format(instant.InZone(zone));

    public static string FormatTime(Instant instant, DateTimeZone zone) => TimeOnly.Format(instant.InZone(zone).TimeOfDay);

    /// <summary>"+09", "+05:30", "-03": hours only unless the zone has minutes.</summary>
    public static string Offset(Instant instant, DateTimeZone zone)
    {
        var offset = zone.GetUtcOffset(instant);
        var sign = offset.Seconds < 0 ? "-" : "+";
        var minutes = Math.Abs(offset.Seconds) / 60;
        return minutes % 60 == 0 ? $"{sign}{minutes / 60:00}" : $"{sign}{minutes / 60:00}:{minutes % 60:00}";
    }
}
