using System.Globalization;
using System.Text;
using CapacityHub.Gateway.Presentation;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Exports;

/// <summary>
/// A training's session days as an iCalendar file (RFC 5545): one VEVENT per day with start and end in
/// UTC (the resolved instants, so no VTIMEZONE is needed and every calendar shows the viewer's local
/// time), the venue's zone named in the description, text escaped, lines folded at 75 octets, CRLF.
/// </summary>
public static class TrainingCalendar
{
    public static string Build(Training training, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//CapacityHub//Trainings//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Text(training.Title),
        };
        var stamp = Utc(now);
        var day = 0;
        foreach (var session in training.SessionDays.Where(d => d.StartInstant is not null && d.EndInstant is not null))
        {
            day++;
            var zone = session.TimeZone.Length > 0 ? session.TimeZone : training.Venue?.TimeZone ?? "";
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + Text(session.Name.Length > 0 ? session.Name : $"{training.Name}/day-{day}") + "@capacityhub");
            lines.Add("DTSTAMP:" + stamp);
            lines.Add("DTSTART:" + Utc(session.StartInstant.ToDateTimeOffset()));
            lines.Add("DTEND:" + Utc(session.EndInstant.ToDateTimeOffset()));
            lines.Add("SUMMARY:" + Text($"{training.Title} (day {day} of {training.SessionDays.Count})"));
            var location = string.Join(", ", new[] { SessionDayNames.Room(session), training.Venue?.DisplayName, training.Venue?.City, training.Venue?.CountryCode }.Where(s => !string.IsNullOrEmpty(s)));
            if (location.Length > 0)
            {
                lines.Add("LOCATION:" + Text(location));
            }

            var description = new StringBuilder();
            if (session.Date is { } date)
            {
                description.Append(CultureInfo.InvariantCulture, $"Local date {date.Year:D4}-{date.Month:D2}-{date.Day:D2}");
                if (session.StartTime is { } start && session.EndTime is { } end)
                {
                    description.Append(CultureInfo.InvariantCulture, $", {start.Hours:D2}:{start.Minutes:D2}-{end.Hours:D2}:{end.Minutes:D2}");
                }

                description.Append(' ').Append(zone).Append('.');
            }

            if (training.Topics.Count > 0)
            {
                description.Append("\nTopics: ").Append(string.Join(", ", training.Topics));
            }

            if (session.Trainers.Count > 0)
            {
                description.Append("\nTrainers: ").Append(string.Join(", ", SessionDayNames.Trainers(session)));
            }

            lines.Add("DESCRIPTION:" + Text(description.ToString()));
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var ics = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(ics, line);
        }

        return ics.ToString();
    }

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and newlines as \n.</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and one space, never splitting a UTF-8 character.</summary>
    public static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsSurrogatePair(line, i) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                // The leading space of a continuation line counts towards its 75 octets.
                octets = 1;
            }

            output.Append(line, i, length);
            octets += size;
            i += length;
        }

        output.Append("\r\n");
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
