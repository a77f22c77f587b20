using CapacityHub.Trainings.Domain.Scheduling;

namespace CapacityHub.Trainings.Domain.Nominations;

/// <summary>
/// What the seat, waitlist and quota rules need to know about a training's nominations, without the
/// nominations themselves: seats held, places on the waitlist, and how many live nominations count against
/// each country's and organisation's quota. A partial view holds only the quota keys an operation touches.
/// </summary>
public sealed class RosterCounts
{
    private readonly Dictionary<(QuotaScope Scope, string Key), int> _quotaUsed = [];

    public int SeatsTaken { get; private set; }
    public int Waitlisted { get; private set; }

    /// <summary>The counts of a complete list of nominations.</summary>
    public static RosterCounts Of(IEnumerable<Nomination> nominations)
    {
        var counts = new RosterCounts();
        foreach (var n in nominations)
        {
            counts.Apply(n, null, n.Status);
        }

        return counts;
    }

    /// <summary>Counts as the store keeps them; <paramref name="quotaUsed"/> needs only the keys the operation will look at.</summary>
    public static RosterCounts Restore(int seatsTaken, int waitlisted, IEnumerable<KeyValuePair<(QuotaScope Scope, string Key), int>> quotaUsed)
    {
        var counts = new RosterCounts { SeatsTaken = seatsTaken, Waitlisted = waitlisted };
        foreach (var (key, used) in quotaUsed)
        {
            counts._quotaUsed[key] = used;
        }

        return counts;
    }

    /// <summary>The quota key a nomination counts against for one scope: the participant's country or the nominating organisation.</summary>
    public static string KeyOf(QuotaScope scope, Participant participant, string nominatingOrganisationId) =>
        scope == QuotaScope.Country ? participant.CountryCode : nominatingOrganisationId;

    public int QuotaUsed(QuotaScope scope, string key) => _quotaUsed.GetValueOrDefault((scope, key));

    /// <summary>Moves one nomination's contribution from <paramref name="from"/> (null when new) to <paramref name="to"/>.</summary>
    internal void Apply(Nomination nomination, NominationStatus? from, NominationStatus to)
    {
        SeatsTaken += Delta(from, to, NominationLifecycle.TakesSeat);
        Waitlisted += Delta(from, to, s => s == NominationStatus.Waitlisted);
        var quota = Delta(from, to, NominationLifecycle.CountsAgainstQuota);
        if (quota != 0)
        {
            foreach (var scope in new[] { QuotaScope.Country, QuotaScope.Organisation })
            {
                var key = (scope, KeyOf(scope, nomination.Participant, nomination.NominatingOrganisationId));
                _quotaUsed[key] = _quotaUsed.GetValueOrDefault(key) + quota;
            }
        }
    }

    /// <summary>+1, -1 or 0: how a status change moves one count, given what that count holds.</summary>
    public static int Delta(NominationStatus? from, NominationStatus? to, Func<NominationStatus, bool> counts) =>
        (to is { } t && counts(t) ? 1 : 0) - (from is { } f && counts(f) ? 1 : 0);
}
