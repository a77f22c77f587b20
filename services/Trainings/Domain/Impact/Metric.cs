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

    /// <summary>Hides the figure when it rests on fewer than <paramref name="minimum"/> people (zero is not a person, so 0 stays visible).</summary>
    public Metric SuppressBelow(int minimum) => Denominator > 0 && Denominator < minimum ? Hidden : this;
}

/// <summary>A figure for each member of a breakdown (per country, per organisation type...).</summary>
public sealed record Breakdown(IReadOnlyDictionary<string, Metric> Cells)
{
    /// <summary>
    /// Primary suppression hides cells under the minimum; if exactly one cell was hidden, the next smallest is
    /// hidden too (complementary suppression), because total − visible cells would otherwise reveal it.
    /// </summary>
    public Breakdown SuppressBelow(int minimum)
    {
        var result = Cells.ToDictionary(c => c.Key, c => c.Value.SuppressBelow(minimum), StringComparer.Ordinal);
        var hidden = result.Count(c => c.Value.Suppressed);
        if (hidden == 1)
        {
            var next = result.Where(c => !c.Value.Suppressed && c.Value.Denominator > 0)
                .OrderBy(c => c.Value.Denominator).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key).FirstOrDefault();
            if (next is not null)
            {
                result[next] = Metric.Hidden;
            }
        }

        return new Breakdown(result);
    }
}
