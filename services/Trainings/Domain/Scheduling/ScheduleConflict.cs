using NodaTime;

namespace CapacityHub.Trainings.Domain.Scheduling;

public enum ConflictResource
{
    Trainer = 1,
    Room = 2,
    Participant = 3,
}

/// <summary>A session day as the conflict check sees it: when, in which training, and who sits in it.</summary>
public sealed record ScheduleEntry(SessionDay Day, string TrainingTitle, IReadOnlyCollection<string> ParticipantIds)
{
    public ScheduleEntry(SessionDay day, string trainingTitle)
        : this(day, trainingTitle, [])
    {
    }
}

/// <summary>Two session days that need the same trainer, room or participant at overlapping instants.</summary>
public sealed record ScheduleConflict(ConflictResource Resource, string ResourceId, ScheduleEntry First, ScheduleEntry Second)
{
    /// <summary>
    /// Shows each day in its own zone (what the organisers planned) and, when given, in the viewer's
    /// zone, so a manager in Tokyo and a trainer in Washington both see a clash they can recognise.
    /// </summary>
    public string Describe(DateTimeZone? viewerZone = null)
    {
        var what = Resource switch
        {
            ConflictResource.Trainer => $"Trainer {ResourceId}",
            ConflictResource.Room => $"Room {ResourceId}",
            _ => $"Participant {ResourceId}",
        };
        return $"{what} is booked twice: {DescribeEntry(First, viewerZone)} overlaps {DescribeEntry(Second, viewerZone)}";
    }

    private static string DescribeEntry(ScheduleEntry entry, DateTimeZone? viewerZone)
    {
        var day = entry.Day;
        var text = $"'{entry.TrainingTitle}' {LocalSchedule.Describe(day.Start, day.Zone)} to {LocalSchedule.Describe(day.End, day.Zone)}";
        if (viewerZone is not null && viewerZone.Id != day.Zone.Id)
        {
            text += $" [your time: {LocalSchedule.Describe(day.Start, viewerZone)} to {LocalSchedule.Describe(day.End, viewerZone)}]";
        }

        return text;
    }
}
