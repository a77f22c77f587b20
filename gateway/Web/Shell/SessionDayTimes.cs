using CapacityHub.Trainings.V1;
using NodaTime;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// A session day as two readings of the same instants: the venue's wall clock (what the room booking
/// says) and the viewer's (when to join from where they are).
/// </summary>
public static class SessionDayTimes
{
    public static string Render(SessionDay day, Training training, ViewerZone viewer)
    {
        var zoneName = day.TimeZone.Length > 0 ? day.TimeZone : training.Venue?.TimeZone ?? "UTC";
        var zone = ViewerZone.Find(zoneName) ?? DateTimeZone.Utc;
        if (day.StartInstant is null || day.EndInstant is null)
        {
            return "<span class=\"local\">(times not resolved)</span>";
        }

        var start = Formats.ToInstant(day.StartInstant);
        var end = Formats.ToInstant(day.EndInstant);
        var local = $"<span class=\"local\"><strong>Venue time:</strong> <time datetime=\"{E(start.ToString())}\">{E(ViewerZone.Format(start, zone))}</time>–{E(ViewerZone.FormatTime(end, zone))} {E(zone.Id)} (UTC{E(ViewerZone.Offset(start, zone))})</span>";
        var mine = $"<span class=\"viewer\"><strong>Your time:</strong> {E(ViewerZone.Format(start, viewer.Zone))}–{E(ViewerZone.FormatTime(end, viewer.Zone))} {E(viewer.Id)} (UTC{E(ViewerZone.Offset(start, viewer.Zone))})</span>";
        var details = new List<string>();
        if (day.Room.Length > 0)
        {
            details.Add($"Room {E(day.Room)}");
        }

        if (day.Trainers.Count > 0)
        {
            details.Add($"Trainers {E(string.Join(", ", day.Trainers))}");
        }

        return local + mine + (details.Count > 0 ? $"<span>{string.Join(" · ", details)}</span>" : "");
    }

    /// <summary>Lets the viewer pick another zone (the browser's is chosen automatically by app.js).</summary>
    public static string ZonePicker(WebRequest request, string action)
    {
        var note = request.Zone.Known ? $"Times are shown in the venue's zone and in yours, {E(request.Zone.Id)}." : "Times are shown in the venue's zone and in UTC until your browser reports its time zone.";
        return $"<form class=\"filters\" method=\"get\" action=\"{E(action)}\"><p id=\"zone-note\">{note}</p>" +
            FormFields.Input("tz", "Show my times in (IANA zone)", request.Zone.Id, FormErrors.None, hint: "e.g. Asia/Bangkok, Europe/London") +
            "<button type=\"submit\" class=\"secondary\">Show</button></form>";
    }
}
