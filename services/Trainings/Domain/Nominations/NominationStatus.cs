namespace CapacityHub.Trainings.Domain.Nominations;

public enum NominationStatus
{
    Nominated = 1,
    Approved = 2,
    Waitlisted = 3,
    Declined = 4,
    Booked = 5,
    Withdrawn = 6,
    Cancelled = 7,
    NoShow = 8,
    PartiallyAttended = 9,
    FullyAttended = 10,
}

/// <summary>Which nomination status may follow which, and what each status means for seats and quotas.</summary>
public static class NominationLifecycle
{
    private static readonly Dictionary<NominationStatus, NominationStatus[]> Allowed = new()
    {
        [NominationStatus.Nominated] = [NominationStatus.Approved, NominationStatus.Waitlisted, NominationStatus.Declined, NominationStatus.Withdrawn, NominationStatus.Cancelled],
        [NominationStatus.Waitlisted] = [NominationStatus.Approved, NominationStatus.Declined, NominationStatus.Withdrawn, NominationStatus.Cancelled],
        [NominationStatus.Approved] = [NominationStatus.Booked, NominationStatus.Withdrawn, NominationStatus.Cancelled],
        [NominationStatus.Booked] = [NominationStatus.Withdrawn, NominationStatus.Cancelled, NominationStatus.NoShow, NominationStatus.PartiallyAttended, NominationStatus.FullyAttended],
        [NominationStatus.Declined] = [],
        [NominationStatus.Withdrawn] = [],
        [NominationStatus.Cancelled] = [],
        [NominationStatus.NoShow] = [],
        [NominationStatus.PartiallyAttended] = [],
        [NominationStatus.FullyAttended] = [],
    };

    public static bool CanMove(NominationStatus from, NominationStatus to) => Allowed[from].Contains(to);

    public static void EnsureCanMove(NominationStatus from, NominationStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new DomainRuleException($"A nomination that is {Describe(from)} cannot become {Describe(to)}");
        }
    }

    /// <summary>Holds one of the training's seats.</summary>
    public static bool HoldsSeat(NominationStatus s) => s is NominationStatus.Approved or NominationStatus.Booked;

    /// <summary>
    /// What a training's seats_taken counts: seats held now, and after the event the seats people took
    /// (attended or not), so a completed training keeps its count.
    /// </summary>
    public static bool TakesSeat(NominationStatus s) => HoldsSeat(s) || IsEnrolled(s);

    /// <summary>Was enrolled in the event (booked, and then whatever attendance showed).</summary>
    public static bool IsEnrolled(NominationStatus s) =>
        s is NominationStatus.Booked or NominationStatus.NoShow or NominationStatus.PartiallyAttended or NominationStatus.FullyAttended;

    /// <summary>Still counts against the nominating country's or organisation's quota.</summary>
    public static bool CountsAgainstQuota(NominationStatus s) =>
        s is not (NominationStatus.Declined or NominationStatus.Withdrawn or NominationStatus.Cancelled);

    public static string Describe(NominationStatus status) => status switch
    {
        NominationStatus.NoShow => "no-show",
        NominationStatus.PartiallyAttended => "partially attended",
        NominationStatus.FullyAttended => "fully attended",
        _ => status.ToString().ToLowerInvariant(),
    };
}
