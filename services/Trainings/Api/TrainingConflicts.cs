using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using NodaTime;
using DomainSessionDay = CapacityHub.Trainings.Domain.Scheduling.SessionDay;
using Training = CapacityHub.Trainings.V1.Training;
using ScheduleConflict = CapacityHub.Trainings.Domain.Scheduling.ScheduleConflict;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// Gathers the session days that could clash with proposed ones (same trainer or room, found through the
/// slot index; other trainings of this training's seat holders, found by e-mail) and lets the domain's
/// <see cref="ConflictDetector"/> decide.
/// </summary>
public sealed class TrainingConflicts(TrainingStore store)
{
    public async Task<IReadOnlyList<ScheduleConflict>> FindAsync(string trainingId, string title, IReadOnlyList<DomainSessionDay> proposed, CancellationToken ct)
    {
        var trainings = new Dictionary<string, Training?>(StringComparer.Ordinal);
        var existing = new List<ScheduleEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        async Task AddDayAsync(string otherTrainingId, string dayId, IReadOnlyCollection<string> participants)
        {
            if (!trainings.TryGetValue(otherTrainingId, out var other))
            {
                trainings[otherTrainingId] = other = (await store.FindAsync(otherTrainingId, ct))?.Value;
            }

            if (other is null || other.Status == V1.TrainingStatus.Cancelled || !seen.Add($"{otherTrainingId}|{dayId}|{string.Join(',', participants)}"))
            {
                return;
            }

            var restored = TrainingResources.Restore(otherTrainingId, other);
            foreach (var day in restored.SessionDays.Where(d => dayId.Length == 0 || d.Id == dayId))
            {
                existing.Add(new ScheduleEntry(day, other.Title, participants));
            }
        }

        foreach (var day in proposed)
        {
            var keys = day.TrainerIds.Select(TrainingStore.TrainerKey).ToList();
            if (!string.IsNullOrWhiteSpace(day.Room))
            {
                keys.Add(TrainingStore.RoomKey(day.Room));
            }

            foreach (var key in keys)
            {
                // Days last at most 16 hours, so any day overlapping this one starts within that much before it.
                foreach (var slot in await store.SlotsAsync(key, day.Start - DomainSessionDay.MaximumLength, day.End, ct))
                {
                    if (slot.TrainingId != trainingId)
                    {
                        await AddDayAsync(slot.TrainingId, slot.SessionDayId, []);
                    }
                }
            }
        }

        // Participants are named by their nomination in this training (what a manager can look up), matched by e-mail elsewhere.
        var participants = new Dictionary<string, string>(StringComparer.Ordinal);
        var participantNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (trainingId.Length > 0)
        {
            string? after = null;
            do
            {
                var (items, next) = await store.ListNominationsAsync(CapacityHub.Storage.Filter.Where("trainingId", trainingId), CapacityHub.Storage.Query.MaxLimit, after, ct);
                foreach (var n in items.Where(n => HoldsPlace(n.Stored.Status)))
                {
                    participants.TryAdd(n.Stored.Email, n.Resource.Name);
                    participantNames.TryAdd(n.Resource.Name, n.Resource.Participant?.DisplayName ?? "");
                }

                after = next;
            }
            while (after is not null);

            foreach (var (email, nomination) in participants)
            {
                foreach (var other in await store.NominationsOfPersonAsync(email, ct))
                {
                    if (other.TrainingId != trainingId && HoldsPlace(other.Status))
                    {
                        await AddDayAsync(other.TrainingId, "", [nomination]);
                    }
                }
            }
        }

        var proposedEntries = proposed.Select(d => new ScheduleEntry(d, title, participants.Values.ToList())).ToList();
        return ConflictDetector.Find(proposedEntries, existing)
            .Select(c => c.Resource == Domain.Scheduling.ConflictResource.Participant ? c with { ParticipantName = participantNames.GetValueOrDefault(c.ResourceId) } : c)
            .ToList();
    }

    private static bool HoldsPlace(string status) =>
        Enum.TryParse<V1.NominationStatus>(status, out var s) && NominationLifecycle.HoldsSeat((Domain.Nominations.NominationStatus)(int)s);

    public static V1.ScheduleConflict ToProto(ScheduleConflict conflict, DateTimeZone? viewer, string trainingId) => new()
    {
        Resource = (V1.ConflictResource)(int)conflict.Resource,
        ResourceId = conflict.ResourceId,
        First = Day(conflict.First, trainingId),
        Second = Day(conflict.Second, trainingId),
        Description = conflict.Describe(viewer),
        ResourceDisplayName = conflict.ResourceName,
    };

    private static ConflictingDay Day(ScheduleEntry entry, string trainingId)
    {
        var day = entry.Day;
        var proposed = day.Id.StartsWith("proposed-", StringComparison.Ordinal) || day.TrainingId.Length == 0;
        return new ConflictingDay
        {
            Training = day.TrainingId.Length == 0 ? "" : TrainingResources.TrainingName(day.TrainingId),
            TrainingTitle = entry.TrainingTitle,
            SessionDay = proposed || (day.TrainingId == trainingId && trainingId.Length == 0) ? "" : TrainingResources.DayName(day.TrainingId, day.Id),
            StartInstant = TrainingResources.ToTimestamp(day.Start),
            EndInstant = TrainingResources.ToTimestamp(day.End),
            TimeZone = day.Zone.Id,
        };
    }
}
