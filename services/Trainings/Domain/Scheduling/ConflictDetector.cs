namespace CapacityHub.Trainings.Domain.Scheduling;

/// <summary>
/// Finds trainers, rooms and participants needed in two overlapping session days. Only clashes that
/// involve a proposed day are reported: old clashes between existing days are not the caller's doing.
/// Per resource the days are sorted by start and swept, so a large calendar costs O(n log n).
/// </summary>
public static class ConflictDetector
{
    public static IReadOnlyList<ScheduleConflict> Find(IEnumerable<ScheduleEntry> proposed, IEnumerable<ScheduleEntry> existing)
    {
        var proposedList = proposed.ToList();
        // A proposed day with the same id replaces the stored one (rescheduling), so it must not clash with itself.
        var replacedIds = proposedList.Select(p => p.Day.Id).ToHashSet(StringComparer.Ordinal);
        var all = proposedList.Select(p => (Entry: p, IsProposed: true))
            .Concat(existing.Where(e => !replacedIds.Contains(e.Day.Id)).Select(e => (Entry: e, IsProposed: false)));

        var byResource = new Dictionary<(ConflictResource, string), List<(ScheduleEntry Entry, bool IsProposed)>>();
        foreach (var item in all)
        {
            foreach (var key in ResourcesOf(item.Entry))
            {
                if (!byResource.TryGetValue(key, out var list))
                {
                    byResource[key] = list = [];
                }

                list.Add(item);
            }
        }

        var conflicts = new List<ScheduleConflict>();
        foreach (var ((resource, id), entries) in byResource)
        {
            if (entries.Count < 2 || !entries.Any(e => e.IsProposed))
            {
                continue;
            }

            entries.Sort((a, b) => a.Entry.Day.Start.CompareTo(b.Entry.Day.Start));
            var active = new List<(ScheduleEntry Entry, bool IsProposed)>();
            foreach (var current in entries)
            {
                active.RemoveAll(a => a.Entry.Day.End <= current.Entry.Day.Start);
                foreach (var earlier in active)
                {
                    if ((earlier.IsProposed || current.IsProposed) && earlier.Entry.Day.Id != current.Entry.Day.Id)
                    {
                        conflicts.Add(new ScheduleConflict(resource, id, earlier.Entry, current.Entry));
                    }
                }

                active.Add(current);
            }
        }

        return conflicts
            .OrderBy(c => c.First.Day.Start)
            .ThenBy(c => c.Resource)
            .ThenBy(c => c.ResourceId, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<(ConflictResource, string)> ResourcesOf(ScheduleEntry entry)
    {
        foreach (var trainer in entry.Day.TrainerIds.Distinct(StringComparer.Ordinal))
        {
            yield return (ConflictResource.Trainer, trainer);
        }

        // Online sessions have no room; an empty room never clashes.
        if (!string.IsNullOrWhiteSpace(entry.Day.Room))
        {
            yield return (ConflictResource.Room, entry.Day.Room);
        }

        foreach (var participant in entry.ParticipantIds.Distinct(StringComparer.Ordinal))
        {
            yield return (ConflictResource.Participant, participant);
        }
    }
}
