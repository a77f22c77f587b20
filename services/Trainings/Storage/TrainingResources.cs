using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Learning;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using NodaTime;
using DomainTraining = CapacityHub.Trainings.Domain.Scheduling.Training;
using DomainSessionDay = CapacityHub.Trainings.Domain.Scheduling.SessionDay;
using DomainNomination = CapacityHub.Trainings.Domain.Nominations.Nomination;
using Participant = CapacityHub.Trainings.Domain.Nominations.Participant;
using LearningRecord = CapacityHub.Trainings.Domain.Learning.LearningRecord;
using CompletionPolicy = CapacityHub.Trainings.Domain.Learning.CompletionPolicy;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Converts between the stored/API resources (proto) and the domain objects the rules run on. Input
/// problems (unknown zones, missing times) become <see cref="DomainValidationException"/>s naming the field.
/// </summary>
public static class TrainingResources
{
    public const string Trainings = "trainings";

    public static string TrainingName(string id) => $"trainings/{id}";

    public static string DayName(string trainingId, string dayId) => $"trainings/{trainingId}/sessionDays/{dayId}";

    public static string NominationName(string trainingId, string nominationId) => $"trainings/{trainingId}/nominations/{nominationId}";

    /// <summary>The last segment of "trainings/{t}/{kind}/{id}" when it belongs to the given training; otherwise null.</summary>
    public static (string TrainingId, string ChildId)? ParseChild(string name, string kind)
    {
        var parts = name.Split('/');
        return parts.Length == 4 && parts[0] == Trainings && parts[2] == kind && IsId(parts[1]) && IsId(parts[3])
            ? (parts[1], parts[3])
            : null;
    }

    public static bool IsId(string id) => id.Length is >= 1 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static DateTimeZone Zone(string id, string field) =>
        (string.IsNullOrEmpty(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id))
        ?? throw new DomainValidationException(field, string.IsNullOrEmpty(id)
            ? "is required (an IANA time zone such as \"Asia/Tokyo\")"
            : $"\"{id}\" is not an IANA time zone (e.g. \"Asia/Tokyo\", \"America/New_York\")");

    public static TrainingDefinition Definition(V1.Training t)
    {
        var errors = new Domain.FieldErrors()
            .Require(t.Venue is not null, "training.venue", "is required (at least its time_zone)")
            .Require(t.NominationOpenTime is not null, "training.nomination_open_time", "is required")
            .Require(t.NominationDeadline is not null, "training.nomination_deadline", "is required");
        for (var i = 0; i < t.Quotas.Count; i++)
        {
            var q = t.Quotas[i];
            errors.Require(q.Scope != V1.QuotaScope.Organisation || ServiceDefaults.Validation.ResourceNames.IdOf(q.Key, "organisations") is not null,
                $"training.quotas[{i}].key", "must be \"organisations/{id}\" for an organisation quota");
        }

        errors.ThrowIfAny();
        var venue = t.Venue!;
        return new TrainingDefinition
        {
            ProgrammeId = t.Programme,
            Title = t.Title.Trim(),
            Topics = [.. t.Topics],
            Language = t.Language,
            Mode = (TrainingMode)(int)t.Mode,
            Venue = new Domain.Scheduling.Venue(venue.DisplayName, venue.City, venue.CountryCode, Zone(venue.TimeZone, "training.venue.time_zone")),
            Seats = t.Seats,
            WaitlistSize = t.WaitlistSize,
            NominationWindow = new NominationWindow(ToInstant(t.NominationOpenTime!), ToInstant(t.NominationDeadline!)),
            Quotas = [.. t.Quotas.Select(q => new Domain.Scheduling.Quota((Domain.Scheduling.QuotaScope)(int)q.Scope, q.Key, q.Seats))],
            EligibilityNotes = t.EligibilityNotes,
        };
    }

    public static CompletionPolicy Policy(V1.Training t) => new(
        t.CompletionPolicy is { AttendanceThreshold: > 0 } p ? (decimal)p.AttendanceThreshold : 0.8m,
        t.CompletionPolicy is { HasPassMark: true } m ? (decimal)m.PassMark : 0.6m,
        t.CompletionPolicy is not { AssessmentOptional: true });

    public static DomainTraining Restore(string id, V1.Training t) =>
        DomainTraining.Restore(id, Definition(t), (TrainingStatus)(int)t.Status, t.CancellationReason,
            t.SessionDays.Select(d => RestoreDay(id, d)));

    private static DomainSessionDay RestoreDay(string trainingId, V1.SessionDay d) => new()
    {
        Id = ParseChild(d.Name, "sessionDays")!.Value.ChildId,
        TrainingId = trainingId,
        Start = ToInstant(d.StartInstant),
        End = ToInstant(d.EndInstant),
        Zone = DateTimeZoneProviders.Tzdb[d.TimeZone],
        Room = d.Room,
        TrainerIds = [.. d.Trainers],
        RoomName = d.RoomDisplayName,
        TrainerNames = d.TrainerDisplayNames.ToDictionary(StringComparer.Ordinal),
    };

    /// <summary>Resolves a proposed day (local date and times in its zone, or the venue's) with the domain's DST rules.</summary>
    public static DomainSessionDay PlanDay(string trainingId, string dayId, V1.SessionDay d, string defaultZone, string field)
    {
        var errors = new Domain.FieldErrors()
            .Require(d.Date is not null && ServiceDefaults.Validation.CommonTypes.IsValid(d.Date), $"{field}.date", "is required and must be a calendar date")
            .Require(d.StartTime is { Hours: >= 0 and <= 23, Minutes: >= 0 and <= 59 }, $"{field}.start_time", "is required (hours 0-23, minutes 0-59)")
            .Require(d.EndTime is { Hours: >= 0 and <= 23, Minutes: >= 0 and <= 59 }, $"{field}.end_time", "is required (hours 0-23, minutes 0-59)")
            .Require(Enum.IsDefined(d.StartOverlap) && Enum.IsDefined(d.EndOverlap), $"{field}.start_overlap", "is not a known value");
        errors.ThrowIfAny();
        var zone = Zone(d.TimeZone.Length > 0 ? d.TimeZone : defaultZone, $"{field}.time_zone");
        var date = new LocalDate(d.Date!.Year, d.Date.Month, d.Date.Day);
        try
        {
            return DomainSessionDay.Plan(dayId, trainingId, date.At(new LocalTime(d.StartTime!.Hours, d.StartTime.Minutes)),
                date.At(new LocalTime(d.EndTime!.Hours, d.EndTime.Minutes)), zone, d.Room, [.. d.Trainers],
                (OverlapChoice)(int)d.StartOverlap, (OverlapChoice)(int)d.EndOverlap, d.RoomDisplayName, d.TrainerDisplayNames);
        }
        catch (DomainValidationException e)
        {
            throw new DomainValidationException([.. e.Errors.Select(x => x with { Field = $"{field}.{x.Field}" })]);
        }
    }

    /// <summary>Writes the domain's status and schedule back into the resource.</summary>
    public static void WriteBack(DomainTraining training, V1.Training resource)
    {
        resource.Status = (V1.TrainingStatus)(int)training.Status;
        resource.CancellationReason = training.CancellationReason;
        resource.SessionDays.Clear();
        resource.SessionDays.AddRange(training.SessionDays.Select(ToProto));
    }

    public static V1.SessionDay ToProto(DomainSessionDay day)
    {
        var start = day.Start.InZone(day.Zone);
        var end = day.End.InZone(day.Zone);
        return new V1.SessionDay
        {
            Name = DayName(day.TrainingId, day.Id),
            Date = new Common.V1.Date { Year = start.Year, Month = start.Month, Day = start.Day },
            StartTime = new V1.TimeOfDay { Hours = start.Hour, Minutes = start.Minute },
            EndTime = new V1.TimeOfDay { Hours = end.Hour, Minutes = end.Minute },
            TimeZone = day.Zone.Id,
            StartOverlap = OverlapOf(start),
            EndOverlap = OverlapOf(end),
            Room = day.Room,
            Trainers = { day.TrainerIds },
            RoomDisplayName = day.RoomName,
            TrainerDisplayNames = { day.TrainerNames.ToDictionary() },
            StartInstant = Timestamp.FromDateTimeOffset(day.Start.ToDateTimeOffset()),
            EndInstant = Timestamp.FromDateTimeOffset(day.End.ToDateTimeOffset()),
        };
    }

    private static V1.DstOverlap OverlapOf(ZonedDateTime zoned)
    {
        var mapping = zoned.Zone.MapLocal(zoned.LocalDateTime);
        return mapping.Count < 2 ? V1.DstOverlap.Unspecified
            : mapping.First().Offset == zoned.Offset ? V1.DstOverlap.Earlier : V1.DstOverlap.Later;
    }

    public static Participant Participant(V1.Participant? p) => new()
    {
        Id = p?.ParticipantId.Trim() ?? "",
        Name = p?.DisplayName.Trim() ?? "",
        Email = p?.Email.Trim() ?? "",
        OrganisationId = p?.Organisation ?? "",
        CountryCode = p?.CountryCode ?? "",
        Sex = (Sex)(int)(p?.Sex ?? 0),
        Sector = p?.Sector.Trim() ?? "",
        JobTitle = p?.JobTitle.Trim() ?? "",
    };

    public static DomainNomination RestoreNomination(string id, string trainingId, V1.Nomination n) =>
        DomainNomination.Restore(id, trainingId, Participant(n.Participant), n.NominatingOrganisation,
            ToInstant(n.NominateTime), (NominationStatus)(int)n.Status, n.StatusNote);

    public static LearningRecord RestoreLearning(string id, string trainingId, V1.Nomination n)
    {
        var l = n.Learning ?? new V1.LearningRecord();
        return LearningRecord.Restore(
            id,
            l.Attendance.Select(a => KeyValuePair.Create(ParseChild(a.SessionDay, "sessionDays")!.Value.ChildId, a.Present)),
            l.Assessments.Select(a => new Domain.Learning.Assessment((Domain.Learning.AssessmentKind)(int)a.Kind, (decimal)a.Score, (decimal)a.Maximum)),
            l.Reaction is null ? null : new Domain.Learning.ReactionEvaluation(l.Reaction.Satisfaction, l.Reaction.Relevance),
            l.FollowUps.Select(f => new Domain.Learning.BehaviourFollowUp((Domain.Learning.FollowUpPoint)(int)f.Point, f.ApplyingSkills, ToInstant(f.RecordTime), f.Example)),
            l.Certificate is null ? null : new Domain.Learning.Certificate(l.Certificate.Number, id, trainingId, n.Participant?.DisplayName ?? "", ToInstant(l.Certificate.IssueTime)));
    }

    /// <summary>Writes status, note and the learning record (with completion computed now) back into the resource.</summary>
    public static void WriteBack(DomainNomination nomination, LearningRecord learning, DomainTraining training, CompletionPolicy policy, V1.Nomination resource)
    {
        resource.Status = (V1.NominationStatus)(int)nomination.Status;
        resource.StatusNote = nomination.Note;
        var proto = new V1.LearningRecord();
        proto.Attendance.AddRange(learning.Attendance.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new V1.DayAttendance { SessionDay = DayName(training.Id, a.Key), Present = a.Value }));
        proto.Assessments.AddRange(learning.Assessments.Values.OrderBy(a => a.Kind)
            .Select(a => new V1.Assessment { Kind = (V1.AssessmentKind)(int)a.Kind, Score = (double)a.Score, Maximum = (double)a.Maximum }));
        if (learning.Reaction is { } r)
        {
            proto.Reaction = new V1.ReactionEvaluation { Satisfaction = r.Satisfaction, Relevance = r.Relevance };
        }

        proto.FollowUps.AddRange(learning.FollowUps.Values.OrderBy(f => f.Point).Select(f => new V1.BehaviourFollowUp
        {
            Point = (V1.FollowUpPoint)(int)f.Point,
            ApplyingSkills = f.ApplyingSkills,
            RecordTime = Timestamp.FromDateTimeOffset(f.RecordedAt.ToDateTimeOffset()),
            Example = f.Example,
        }));
        if (NominationLifecycle.IsEnrolled(nomination.Status))
        {
            var c = learning.Completion(training.SessionDays.Count, policy);
            proto.Completion = new V1.Completion
            {
                DaysAttended = c.DaysAttended,
                DaysScheduled = c.DaysScheduled,
                AttendanceMet = c.AttendanceMet,
                Passed = c.Passed,
                Completed = c.Completed,
            };
        }

        if (learning.Certificate is { } cert)
        {
            proto.Certificate = new V1.Certificate { Number = cert.Number, IssueTime = Timestamp.FromDateTimeOffset(cert.IssuedAt.ToDateTimeOffset()) };
        }

        resource.Learning = proto;
    }

    public static Instant ToInstant(Timestamp t) => Instant.FromUnixTimeTicks((t.Seconds * NodaConstants.TicksPerSecond) + (t.Nanos / 100));

    public static Timestamp ToTimestamp(Instant i) => Timestamp.FromDateTimeOffset(i.ToDateTimeOffset());
}
