using NodaTime;
using NodaTime.Text;

namespace CapacityHub.Trainings.Domain.Scheduling;

/// <summary>
/// What to do when a local time occurs twice because clocks went back (a DST overlap).
/// There is no silent default: a scheduler must say which of the two instants is meant.
/// </summary>
public enum OverlapChoice
{
    Unspecified = 0,
    Earlier = 1,
    Later = 2,
}

/// <summary>Turns a local wall-clock time in an IANA zone into an instant, refusing ambiguous input.</summary>
public static class LocalSchedule
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    public static Instant ToInstant(LocalDateTime local, DateTimeZone zone, OverlapChoice overlap, string field)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count switch
        {
            1 => mapping.Single().ToInstant(),
            0 => throw new DomainValidationException(field,
                $"{Pattern.Format(local)} does not exist in {zone.Id}: clocks skip forward over it (daylight saving gap); choose a time outside the gap"),
            _ => overlap switch
            {
                OverlapChoice.Earlier => mapping.First().ToInstant(),
                OverlapChoice.Later => mapping.Last().ToInstant(),
                _ => throw new DomainValidationException(field,
                    $"{Pattern.Format(local)} occurs twice in {zone.Id} (clocks go back); say whether the earlier ({mapping.First().Offset}) or later ({mapping.Last().Offset}) occurrence is meant"),
            },
        };
    }

    /// <summary>Formats an instant as wall-clock time in a zone, with the zone and offset so readers in other zones are not misled.</summary>
    public static string Describe(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        return $"{Pattern.Format(zoned.LocalDateTime)} {zone.Id} ({zoned.Offset})";
    }
}
