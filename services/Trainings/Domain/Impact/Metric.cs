namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>
/// One figure: a ratio or mean with the counts behind it. A suppressed figure carries neither value nor
/// counts, so a funder cannot recompute it from what is sent.
/// </summary>
public sealed record Metric(double? Value, double Numerator, long Denominator, bool Suppressed)
{
    public static Metric Ratio(double numerator, long denominator) =>
        new(denominator == 0 ? null : numerator / denominator, numerator, denominator, false);

    public static Metric Count(long count) => new(count, count, count, false);

    public static readonly Metric Hidden = new(null, 0, 0, true);
}

/// <summary>A figure for each member of a breakdown (per country, per organisation type...).</summary>
public sealed record Breakdown(IReadOnlyDictionary<string, Metric> Cells);
