namespace CapacityHub.Trainings.Storage;

/// <summary>
/// A training as kept in the store: the full resource as proto JSON (session days included) beside the
/// scalars lists filter and sort on. <see cref="FirstStartUnixMs"/> is <see cref="long.MaxValue"/> while
/// unscheduled so those sort last.
/// </summary>
public sealed record StoredTraining(string Id, string ProgrammeId, string Status, long FirstStartUnixMs, string Resource);

/// <summary>
/// A nomination with its learning record as proto JSON, plus what lists and conflict checks look up:
/// training, nominating organisation, the participant's e-mail (lower case) and the arrival order.
/// <see cref="OrganisationType"/> comes from the Partners service at nomination time (for impact cells).
/// </summary>
public sealed record StoredNomination(
    string Id,
    string TrainingId,
    string ProgrammeId,
    string OrganisationId,
    string Email,
    string Status,
    long NominatedAtUnixMs,
    string OrganisationType,
    string Resource);

/// <summary>
/// One trainer or room needed by one session day, so that a conflict check finds the other days needing
/// the same resource with one indexed range query. Rewritten with every schedule change.
/// </summary>
public sealed record ScheduleSlot(string Id, string ResourceKey, string TrainingId, string SessionDayId, long StartUnixMs, long EndUnixMs);
