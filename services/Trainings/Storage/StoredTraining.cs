using System.Text.Json.Serialization;
using CapacityHub.Storage;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// A training as kept in the store: the full resource (session days included) as a nested document beside
/// the scalars lists filter and sort on, and the roster counters the seat rules read.
/// <see cref="FirstStartUnixMs"/> is <see cref="long.MaxValue"/> while unscheduled so those sort last.
/// <see cref="SeatsTaken"/> and <see cref="Waitlisted"/> change by increments in the transaction that moves a
/// nomination, so no write has to count the roster. <see cref="SearchText"/> (title, id, venue, topics) is
/// what a list's free-text search looks in.
/// </summary>
public sealed record StoredTraining(
    string Id,
    string ProgrammeId,
    string Status,
    long FirstStartUnixMs,
    [property: JsonConverter(typeof(EmbeddedJson))] string Resource,
    long SeatsTaken = 0,
    long Waitlisted = 0,
    string? SearchText = null);

/// <summary>
/// A nomination with its learning record as a nested document, plus what lists and conflict checks look up:
/// training, nominating organisation, the participant's e-mail (lower case) and the arrival order.
/// <see cref="ActiveEmail"/> and <see cref="ActiveParticipantId"/> are set only while the nomination counts
/// against the training's quotas: unique indexes on them refuse a second live nomination of the same person.
/// <see cref="OrganisationType"/> comes from the Partners service at nomination time (for impact cells).
/// <see cref="SearchText"/> (name, e-mail, participant id, job title) and <see cref="CountryCode"/> (the
/// employer's country) let a manager find people in a long queue.
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
    [property: JsonConverter(typeof(EmbeddedJson))] string Resource,
    string? ActiveEmail = null,
    string? ActiveParticipantId = null,
    string? SearchText = null,
    string? CountryCode = null);

/// <summary>How many live nominations of one training count against one country's or organisation's quota.</summary>
public sealed record QuotaUsage(string Id, string TrainingId, long Used)
{
    public static string IdOf(string trainingId, Domain.Scheduling.QuotaScope scope, string key) => $"{trainingId}|{scope}|{key}";
}

/// <summary>
/// One trainer or room needed by one session day, so that a conflict check finds the other days needing
/// the same resource with one indexed range query. Rewritten with every schedule change.
/// </summary>
public sealed record ScheduleSlot(string Id, string ResourceKey, string TrainingId, string SessionDayId, long StartUnixMs, long EndUnixMs);
