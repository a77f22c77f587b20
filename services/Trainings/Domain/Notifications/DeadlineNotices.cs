using NodaTime;
using NodaTime.Text;

namespace CapacityHub.Trainings.Domain.Notifications;

/// <summary>The reminder that a training's nomination deadline is near, to its managers and those who may nominate.</summary>
public static class DeadlineNotices
{
    private static readonly ZonedDateTimePattern When = ZonedDateTimePattern.CreateWithInvariantCulture("d MMMM uuuu HH:mm", null);

    /// <summary>Nothing unless the deadline is after <paramref name="now"/> and within <paramref name="window"/> of it.</summary>
    public static IReadOnlyList<Notice> For(string trainingId, string title, string programmeId, Instant deadline, DateTimeZone zone,
        Instant now, Duration window, IEnumerable<string> nominatingOrganisations)
    {
        if (deadline <= now || deadline > now + window)
        {
            return [];
        }

        var at = $"{When.Format(deadline.InZone(zone))} ({zone.Id})";
        var once = $"nominationDeadline/{trainingId}/{deadline.ToUnixTimeSeconds()}";
        var notices = new List<Notice>
        {
            new(NoticeKind.NominationDeadline, Audience.Managers(programmeId), $"Nominations close soon: {title}",
                $"Nominations for {title} close on {at}. Decide the open nominations before the training is confirmed.", trainingId, programmeId,
                OnceKey: once + "/managers"),
        };
        notices.AddRange(nominatingOrganisations.Distinct().Select(organisation => new Notice(NoticeKind.NominationDeadline,
            Audience.Organisation(organisation), $"Nominations close soon: {title}",
            $"Nominations for {title} close on {at}. Nominate your participants before then.", trainingId, programmeId,
            OnceKey: $"{once}/{organisation}")));
        return notices;
    }
}
