using NodaTime;

namespace CapacityHub.Trainings.Domain.Scheduling;

/// <summary>
/// One day of a training. Stored as instants (what conflicts compare) plus the zone it was
/// planned in (what people read). Start and end are resolved from local times once, here.
/// </summary>
public sealed record SessionDay
{
    public required string Id { get; init; }
    public required string TrainingId { get; init; }
    public required Instant Start { get; init; }
    public required Instant End { get; init; }
    public required DateTimeZone Zone { get; init; }
    public string Room { get; init; } = "";
    public IReadOnlyList<string> TrainerIds { get; init; } = [];

    /// <summary>What people read for the room; the rules compare <see cref="Room"/> only.</summary>
    public string RoomName { get; init; } = "";

    /// <summary>Trainers' names by id, for reading; the rules compare <see cref="TrainerIds"/> only.</summary>
    public IReadOnlyDictionary<string, string> TrainerNames { get; init; } = new Dictionary<string, string>();

    public Interval Interval => new(Start, End);

    public LocalDate LocalDate => Start.InZone(Zone).Date;

    /// <summary>Longest plausible session day; longer input is almost always a date typo.</summary>
    public static readonly Duration MaximumLength = Duration.FromHours(16);

    public static SessionDay Plan(
        string id,
        string trainingId,
        LocalDateTime localStart,
        LocalDateTime localEnd,
        DateTimeZone zone,
        string room,
        IReadOnlyList<string> trainerIds,
        OverlapChoice startOverlap = OverlapChoice.Unspecified,
        OverlapChoice endOverlap = OverlapChoice.Unspecified,
        string roomName = "",
        IReadOnlyDictionary<string, string>? trainerNames = null)
    {
        trainerNames ??= new Dictionary<string, string>();
        var start = LocalSchedule.ToInstant(localStart, zone, startOverlap, "local_start");
        var end = LocalSchedule.ToInstant(localEnd, zone, endOverlap, "local_end");
        var errors = new FieldErrors()
            .Require(end > start, "local_end", "must be after local_start")
            .Require(end - start <= MaximumLength, "local_end", $"a session day lasts at most {MaximumLength.TotalHours:0} hours")
            .Require(trainerIds.All(t => !string.IsNullOrWhiteSpace(t)), "trainer_ids", "must not contain blank ids")
            .Require(trainerIds.Distinct(StringComparer.Ordinal).Count() == trainerIds.Count, "trainer_ids", "must not repeat a trainer")
            .SingleLine(room, "room", ServiceDefaults.Validation.TextLimits.Name)
            .SingleLine(roomName, "room_display_name", ServiceDefaults.Validation.TextLimits.Name);
        for (var i = 0; i < trainerIds.Count; i++)
        {
            errors.SingleLine(trainerIds[i], $"trainers[{i}]", ServiceDefaults.Validation.TextLimits.Name);
        }

        foreach (var (trainer, name) in trainerNames)
        {
            errors.Require(trainerIds.Contains(trainer, StringComparer.Ordinal), $"trainer_display_names[{trainer}]", "names a trainer who is not in trainers")
                .SingleLine(name, $"trainer_display_names[{trainer}]", ServiceDefaults.Validation.TextLimits.Name);
        }

        errors.ThrowIfAny();
        return new SessionDay
        {
            Id = id,
            TrainingId = trainingId,
            Start = start,
            End = end,
            Zone = zone,
            Room = room.Trim(),
            TrainerIds = trainerIds,
            RoomName = roomName.Trim(),
            TrainerNames = trainerNames.Where(n => n.Value.Trim().Length > 0).ToDictionary(n => n.Key, n => n.Value.Trim(), StringComparer.Ordinal),
        };
    }

    /// <summary>Half-open intervals: a day ending at 12:00 does not clash with one starting at 12:00.</summary>
    public bool Overlaps(SessionDay other) => Start < other.End && other.Start < End;
}
