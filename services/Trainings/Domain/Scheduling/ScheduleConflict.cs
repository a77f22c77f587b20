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
    /// <summary>The participant's name, which only the caller that found the clash by nomination knows.</summary>
    public string? ParticipantName { get; init; }

    /// <summary>What people read for the trainer, room or participant: the name either day gives it, else its id.</summary>
    public string ResourceName => Resource switch
    {
        ConflictResource.Trainer => NameOnEitherDay(d => d.TrainerNames.GetValueOrDefault(ResourceId)),
        ConflictResource.Room => NameOnEitherDay(d => d.RoomName),
        _ => string.IsNullOrWhiteSpace(ParticipantName) ? ResourceId : ParticipantName,
    };

    /// <summary>"Ann Saito &lt;trainers/a-saito&gt;", as the scheduling form writes a trainer: the name to read, the id to look up.</summary>
    private string NameAndId => ResourceName == ResourceId ? ResourceId : $"{ResourceName} <{ResourceId}>";

    private string NameOnEitherDay(Func<SessionDay, string?> name) =>
        new[] { name(First.Day), name(Second.Day) }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? ResourceId;

    /// <summary>
    /// Shows each day in its own zone (what the organisers planned) and, when given, in the viewer's
    /// zone, so a manager in Tokyo and a trainer in Washington both see a clash they can recognise.
    /// </summary>
    public string Describe(DateTimeZone? viewerZone = null)
    {
        var what = Resource switch
        {
            ConflictResource.Trainer => $"Trainer {NameAndId}",
            ConflictResource.Room => $"Room {NameAndId}",
            _ => $"Participant {NameAndId}",
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
