namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>
/// Additive sums and counts from which every participant-based metric is a ratio. Because they only
/// ever add up, an aggregate cell is kept current by adding (new contribution − old contribution) on each
/// write, and a query folds cells instead of reading enrolments. Averages are kept as sums plus counts.
/// </summary>
public readonly record struct ImpactCounts
{
    public long Nominations { get; init; }
    public long Enrolled { get; init; }
    public long NoShows { get; init; }
    public long DaysScheduled { get; init; }
    public long DaysAttended { get; init; }
    public long Completers { get; init; }
    public long GainPairs { get; init; }
    /// <summary>Sum over participants of (post − pre) ÷ max, in percentage points, so scales can be mixed.</summary>
    public double GainPointsSum { get; init; }
    public long NormalisedGainCount { get; init; }
    /// <summary>Sum over participants of (post − pre) ÷ (max − pre); participants with a perfect pre-test are left out.</summary>
    public double NormalisedGainSum { get; init; }
    public long Reactions { get; init; }
    public long SatisfactionSum { get; init; }
    public long RatedRelevant { get; init; }
    public long FollowUps3 { get; init; }
    public long Applying3 { get; init; }
    public long FollowUps6 { get; init; }
    public long Applying6 { get; init; }

    public bool IsZero => this == default;

    public static ImpactCounts operator +(ImpactCounts a, ImpactCounts b) => new()
    {
        Nominations = a.Nominations + b.Nominations,
        Enrolled = a.Enrolled + b.Enrolled,
        NoShows = a.NoShows + b.NoShows,
        DaysScheduled = a.DaysScheduled + b.DaysScheduled,
        DaysAttended = a.DaysAttended + b.DaysAttended,
        Completers = a.Completers + b.Completers,
        GainPairs = a.GainPairs + b.GainPairs,
        GainPointsSum = a.GainPointsSum + b.GainPointsSum,
        NormalisedGainCount = a.NormalisedGainCount + b.NormalisedGainCount,
        NormalisedGainSum = a.NormalisedGainSum + b.NormalisedGainSum,
        Reactions = a.Reactions + b.Reactions,
        SatisfactionSum = a.SatisfactionSum + b.SatisfactionSum,
        RatedRelevant = a.RatedRelevant + b.RatedRelevant,
        FollowUps3 = a.FollowUps3 + b.FollowUps3,
        Applying3 = a.Applying3 + b.Applying3,
        FollowUps6 = a.FollowUps6 + b.FollowUps6,
        Applying6 = a.Applying6 + b.Applying6,
    };

    public static ImpactCounts operator -(ImpactCounts a) => new()
    {
        Nominations = -a.Nominations,
        Enrolled = -a.Enrolled,
        NoShows = -a.NoShows,
        DaysScheduled = -a.DaysScheduled,
        DaysAttended = -a.DaysAttended,
        Completers = -a.Completers,
        GainPairs = -a.GainPairs,
        GainPointsSum = -a.GainPointsSum,
        NormalisedGainCount = -a.NormalisedGainCount,
        NormalisedGainSum = -a.NormalisedGainSum,
        Reactions = -a.Reactions,
        SatisfactionSum = -a.SatisfactionSum,
        RatedRelevant = -a.RatedRelevant,
        FollowUps3 = -a.FollowUps3,
        Applying3 = -a.Applying3,
        FollowUps6 = -a.FollowUps6,
        Applying6 = -a.Applying6,
    };

    public static ImpactCounts operator -(ImpactCounts a, ImpactCounts b) => a + (-b);

    public ImpactCounts Add(ImpactCounts other) => this + other;

    public ImpactCounts Subtract(ImpactCounts other) => this - other;

    public ImpactCounts Negate() => -this;
}
