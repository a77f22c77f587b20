using CapacityHub.Trainings.Domain.Nominations;

namespace CapacityHub.Trainings.Domain.Notifications;

/// <summary>One nomination as a save changed it: its status before (null when new) and now.</summary>
public sealed record NominationChange(Nomination Nomination, NominationStatus? Before);

/// <summary>
/// What a save of a training's roster tells people: managers that nominations arrived, nominating organisations
/// that theirs were decided. One notice per audience and outcome per save, so a bulk decision over fifty
/// people is one inbox entry listing them, not fifty.
/// </summary>
public static class NominationNotices
{
    private const int NamesListed = 20;

    private static readonly Dictionary<NominationStatus, string> Decisions = new()
    {
        [NominationStatus.Approved] = "approved",
        [NominationStatus.Waitlisted] = "waitlisted",
        [NominationStatus.Declined] = "declined",
        [NominationStatus.Cancelled] = "cancelled",
    };

    public static IReadOnlyList<Notice> For(string training, string trainingTitle, string programmeId, IEnumerable<NominationChange> changes)
    {
        var all = changes.ToList();
        var notices = new List<Notice>();
        var arrived = all.Where(c => c.Before is null).Select(c => c.Nomination).ToList();
        if (arrived.Count > 0)
        {
            var title = arrived.Count == 1
                ? $"New nomination for {trainingTitle}: {arrived[0].Participant.Name}"
                : $"{arrived.Count} new nominations for {trainingTitle}";
            notices.Add(new Notice(NoticeKind.NominationsReceived, Audience.Managers(programmeId), title,
                "Waiting for your decision:\n" + List(arrived, n => $"{n.Participant.Name} ({n.Participant.CountryCode})"), training, programmeId));
        }

        var decided = all
            .Where(c => c.Before is not null && c.Before != c.Nomination.Status && Decisions.ContainsKey(c.Nomination.Status))
            .GroupBy(c => (c.Nomination.NominatingOrganisationId, c.Nomination.Status));
        foreach (var group in decided)
        {
            var people = group.Select(c => c.Nomination).ToList();
            var outcome = Decisions[group.Key.Status];
            var title = people.Count == 1
                ? $"Nomination {outcome}: {people[0].Participant.Name}, {trainingTitle}"
                : $"{people.Count} nominations {outcome} for {trainingTitle}";
            var subject = people.Count == 1 ? $"{training}/nominations/{people[0].Id}" : training;
            notices.Add(new Notice(NoticeKind.NominationDecided, Audience.Organisation(group.Key.NominatingOrganisationId), title,
                List(people, n => n.Note.Length > 0 ? $"{n.Participant.Name}: {n.Note}" : n.Participant.Name), subject, programmeId));
        }

        return notices;
    }

    private static string List(IReadOnlyList<Nomination> people, Func<Nomination, string> line)
    {
        var lines = people.Take(NamesListed).Select(n => "- " + line(n)).ToList();
        if (people.Count > NamesListed)
        {
            lines.Add($"… and {people.Count - NamesListed} more");
        }

        return string.Join('\n', lines);
    }
}
