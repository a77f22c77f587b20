namespace CapacityHub.LocalRun.Seeding;

/// <summary>How far through its life the seeder can take a demo training, seen from <c>now</c>.</summary>
/// <remarks>
/// Nominations are only accepted before the deadline, so a training that has already happened is entered the
/// way an office catching up on paper records would (<see cref="CatchUp"/>): nominations are taken on
/// provisional days just ahead, then the schedule and window are corrected to the real (past) dates before it
/// starts and completes. That needs the programme's period to reach the provisional days; where it does not
/// (the 2018 and 2019 Tokyo trainings of a programme that ended in 2020), the training is kept as its schedule only.
/// </remarks>
public sealed record TrainingSeedPlan(DateTimeOffset RealDeadline, IReadOnlyList<DateOnly> ProvisionalDays, bool CatchUp, bool CanOpen)
{
    public static TrainingSeedPlan For(DemoTraining t, DateOnly programmeEnd, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The file gives the last day nominations are taken; the API's deadline is the instant they stop.
        var realDeadline = StartOfDay(ProtoValues.Day(t.Deadline).AddDays(1), t.Zone);
        List<DateOnly> provisional = [.. Enumerable.Range(0, t.Days.Count).Select(i => today.AddDays(14 + i))];
        var catchUp = realDeadline <= now && t.Status == "COMPLETED" && provisional[^1] <= programmeEnd;
        return new TrainingSeedPlan(realDeadline, provisional, catchUp, CanOpen: realDeadline > now || catchUp);
    }

    /// <summary>Midnight at the start of <paramref name="day"/> in an IANA zone.</summary>
    internal static DateTimeOffset StartOfDay(DateOnly day, string zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local));
    }
}
