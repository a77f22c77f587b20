using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;

namespace CapacityHub.Trainings.Domain.Nominations;

/// <summary>
/// The rules that share one training's seats: deadline, quotas, capacity with a waitlist, and promotion of the
/// first waitlisted person the moment a seat frees up. They run on <see cref="RosterCounts"/> and on the
/// nominations an operation touches, so a write costs the same whatever the size of the roster; "already
/// nominated" is checked among the loaded nominations here and by the store's unique index for the rest.
/// Every operation returns the nominations it changed so the caller can persist exactly those.
/// </summary>
public sealed class Roster
{
    private readonly List<Nomination> _nominations;
    private readonly RosterCounts _counts;
    private Nomination? _firstWaitlisted;
    private readonly bool _complete;

    /// <summary>A roster that knows every nomination (tests, bulk imports, whole-training changes).</summary>
    public Roster(Training training, IEnumerable<Nomination> nominations)
    {
        Training = training;
        _nominations = nominations.ToList();
        _counts = RosterCounts.Of(_nominations);
        _complete = true;
    }

    /// <summary>
    /// A roster that knows the counts, the nominations the operation names, and the first waitlisted nomination
    /// (the only one a released seat may go to), as the store loaded them.
    /// </summary>
    public Roster(Training training, RosterCounts counts, IEnumerable<Nomination> loaded, Nomination? firstWaitlisted)
    {
        Training = training;
        _nominations = loaded.ToList();
        _counts = counts;
        _firstWaitlisted = firstWaitlisted is null ? null : _nominations.Find(n => n.Id == firstWaitlisted.Id) ?? firstWaitlisted;
    }

    public Training Training { get; }
    public IReadOnlyList<Nomination> Nominations => _nominations;
    public RosterCounts Counts => _counts;

    public int SeatsTaken => _counts.SeatsTaken;
    public int SeatsFree => Math.Max(0, Training.Definition.Seats - SeatsTaken);
    public int Waitlisted => _counts.Waitlisted;

    /// <param name="nominatorParticipates">Whether the Programmes service lists the nominating organisation in the programme.</param>
    public Nomination Nominate(string id, Participant participant, string nominatingOrganisationId, Instant now, bool nominatorParticipates)
    {
        participant.Validate();
        EnsureAcceptingNominations(now);
        if (!nominatorParticipates)
        {
            throw new DomainRuleException($"Organisation {nominatingOrganisationId} does not participate in this training's programme and cannot nominate");
        }

        if (_nominations.Any(n => NominationLifecycle.CountsAgainstQuota(n.Status)
            && (n.Participant.Id == participant.Id || string.Equals(n.Participant.Email, participant.Email, StringComparison.OrdinalIgnoreCase))))
        {
            throw new DomainRuleException($"{participant.Name} is already nominated to this training");
        }

        foreach (var quota in Training.Definition.Quotas)
        {
            var key = RosterCounts.KeyOf(quota.Scope, participant, nominatingOrganisationId);
            if (quota.Key != key)
            {
                continue;
            }

            var used = _counts.QuotaUsed(quota.Scope, key);
            if (used >= quota.Seats)
            {
                var whose = quota.Scope == QuotaScope.Country ? $"country {key}" : $"organisation {key}";
                throw new DomainRuleException($"The quota for {whose} is used up ({used} of {quota.Seats} nominations)");
            }
        }

        var nomination = new Nomination(id, Training.Id, participant, nominatingOrganisationId, now);
        _nominations.Add(nomination);
        _counts.Apply(nomination, null, nomination.Status);
        return nomination;
    }

    /// <summary>Approves into a free seat, or onto the waitlist when the training is full.</summary>
    public IReadOnlyList<Nomination> Approve(string nominationId)
    {
        EnsureBeforeEvent();
        var nomination = Find(nominationId);
        if (SeatsFree > 0)
        {
            Move(nomination, NominationStatus.Approved);
            return [nomination];
        }

        if (nomination.Status == NominationStatus.Waitlisted)
        {
            throw new DomainRuleException("The training is full; this person stays on the waitlist until a seat frees up");
        }

        if (Waitlisted >= Training.Definition.WaitlistSize)
        {
            throw new DomainRuleException($"The training is full ({Training.Definition.Seats} seats) and so is its waitlist ({Training.Definition.WaitlistSize}); decline or raise the seats");
        }

        Move(nomination, NominationStatus.Waitlisted);
        return [nomination];
    }

    /// <summary>Onto the waitlist by decision, whether or not seats are free.</summary>
    public IReadOnlyList<Nomination> Waitlist(string nominationId)
    {
        EnsureBeforeEvent();
        var nomination = Find(nominationId);
        if (nomination.Status != NominationStatus.Waitlisted && Waitlisted >= Training.Definition.WaitlistSize)
        {
            throw new DomainRuleException($"The waitlist is full ({Training.Definition.WaitlistSize}); decline or raise the waitlist size");
        }

        Move(nomination, NominationStatus.Waitlisted);
        return [nomination];
    }

    public IReadOnlyList<Nomination> Decline(string nominationId, string reason)
    {
        RequireReason(reason);
        var nomination = Find(nominationId);
        Move(nomination, NominationStatus.Declined, reason);
        return [nomination];
    }

    /// <summary>The participant's place is confirmed (travel booked, visa granted...).</summary>
    public IReadOnlyList<Nomination> Book(string nominationId)
    {
        EnsureBeforeEvent();
        var nomination = Find(nominationId);
        Move(nomination, NominationStatus.Booked);
        return [nomination];
    }

    /// <summary>The nominating partner takes the person back.</summary>
    public IReadOnlyList<Nomination> Withdraw(string nominationId, string reason) => Release(nominationId, NominationStatus.Withdrawn, reason);

    /// <summary>The programme manager removes the person.</summary>
    public IReadOnlyList<Nomination> Cancel(string nominationId, string reason) => Release(nominationId, NominationStatus.Cancelled, reason);

    /// <summary>After the event: turns a booking into no-show / partially / fully attended from the attendance register.</summary>
    public IReadOnlyList<Nomination> CloseAttendance(string nominationId, int daysAttended, int daysScheduled)
    {
        if (Training.Status is not (TrainingStatus.InProgress or TrainingStatus.Completed))
        {
            throw new DomainRuleException("Attendance outcomes are recorded once the training has started");
        }

        if (daysScheduled <= 0 || daysAttended < 0 || daysAttended > daysScheduled)
        {
            throw new DomainValidationException("days_attended", $"must be between 0 and {Math.Max(daysScheduled, 0)} scheduled days");
        }

        var nomination = Find(nominationId);
        var outcome = daysAttended == 0 ? NominationStatus.NoShow
            : daysAttended == daysScheduled ? NominationStatus.FullyAttended
            : NominationStatus.PartiallyAttended;
        Move(nomination, outcome);
        return [nomination];
    }

    public Nomination Find(string nominationId) =>
        _nominations.Find(n => n.Id == nominationId)
        ?? throw new NominationNotFoundException(nominationId);

    private IReadOnlyList<Nomination> Release(string nominationId, NominationStatus to, string reason)
    {
        RequireReason(reason);
        EnsureBeforeEvent();
        var nomination = Find(nominationId);
        var heldSeat = NominationLifecycle.HoldsSeat(nomination.Status);
        Move(nomination, to, reason);
        var changed = new List<Nomination> { nomination };
        if (heldSeat)
        {
            var next = FirstWaitlisted();
            if (next is not null)
            {
                Move(next, NominationStatus.Approved, "promoted from the waitlist");
                changed.Add(next);
                if (!_nominations.Contains(next))
                {
                    _nominations.Add(next);
                }

                _firstWaitlisted = null;
            }
        }

        return changed;
    }

    /// <summary>The longest-waiting person: from the full list, or the one the store looked up.</summary>
    private Nomination? FirstWaitlisted() =>
        _complete
            ? _nominations
                .Where(n => n.Status == NominationStatus.Waitlisted)
                .OrderBy(n => n.NominatedAt)
                .ThenBy(n => n.Id, StringComparer.Ordinal)
                .FirstOrDefault()
            : _firstWaitlisted is { Status: NominationStatus.Waitlisted } candidate ? candidate : null;

    private void Move(Nomination nomination, NominationStatus to, string note = "")
    {
        var from = nomination.Status;
        nomination.MoveTo(to, note);
        _counts.Apply(nomination, from, to);
    }

    private void EnsureAcceptingNominations(Instant now)
    {
        if (Training.Status != TrainingStatus.OpenForNomination)
        {
            throw new DomainRuleException($"The training is {TrainingLifecycle.Describe(Training.Status)}, not open for nomination");
        }

        var window = Training.Definition.NominationWindow;
        if (now < window.Opens)
        {
            throw new DomainRuleException($"Nominations open at {window.Opens}");
        }

        if (now >= window.Deadline)
        {
            throw new DomainRuleException($"The nomination deadline passed at {window.Deadline}");
        }
    }

    private void EnsureBeforeEvent()
    {
        if (Training.Status is TrainingStatus.InProgress or TrainingStatus.Completed or TrainingStatus.Cancelled)
        {
            throw new DomainRuleException($"Seats cannot change once the training is {TrainingLifecycle.Describe(Training.Status)}");
        }
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException("reason", "is required so the other side knows why");
        }
    }
}

/// <summary>No nomination with this id in the training (maps to NOT_FOUND).</summary>
public sealed class NominationNotFoundException(string nominationId) : Exception($"Nomination {nominationId} was not found in this training")
{
    public string NominationId { get; } = nominationId;
}
