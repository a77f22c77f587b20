namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>
/// Statistical disclosure control for every figure a funder sees (README, "Disclosure control").
/// <para>
/// Primary suppression: a count of people from 1 to <c>minimum − 1</c> is hidden, and so is every ratio whose
/// numerator or denominator is such a count. Zero stays visible: it describes nobody.
/// </para>
/// <para>
/// Rounding instead of secondary suppression: every other count is published rounded down to a multiple of the
/// base (the minimum, 5 by default: 5–9 → 5, 10–14 → 10), and every ratio is recomputed from its rounded
/// numerator and denominator. A funder can combine filters freely (all, country, organisation, programme,
/// year), so a suppression pattern chosen per query cannot stop subtraction across queries; rounding does:
/// a published count P stands for the five values P..P+4 and a hidden one for 1..4, so the difference of two
/// published figures leaves a hidden group anywhere in 1..4, and a published figure less a hidden one leaves it
/// in 1..3 at best, never a single value. (Rounding to the nearest multiple would not do: 10 means 8..12, and
/// 10 less a hidden 1..4 is at least 4, which pins a hidden 4.) Means (gain, satisfaction) and attendance are
/// coarsened too, because an exact mean gives away the exact number of people behind it.
/// </para>
/// </summary>
public static class DisclosureControl
{
    /// <summary>A count of people as published: 0 exact, 1..minimum−1 hidden, otherwise rounded down to the base.</summary>
    public static long? PublishedCount(long people, int minimum)
    {
        if (people <= 0)
        {
            return 0;
        }

        if (people < minimum)
        {
            return null;
        }

        return people / minimum * minimum;
    }

    public static Metric Count(Metric count, int minimum) =>
        PublishedCount(count.Denominator, minimum) is { } published ? Metric.Count(published) : Metric.Hidden;

    /// <summary>A share of people among people (female share, completion, no-shows...): both parts must be publishable.</summary>
    public static Metric PeopleRatio(Metric ratio, int minimum)
    {
        var numerator = PublishedCount((long)Math.Round(ratio.Numerator), minimum);
        var denominator = PublishedCount(ratio.Denominator, minimum);
        if (numerator is not { } n || denominator is not { } d)
        {
            return Metric.Hidden;
        }

        return d == 0 ? new Metric(null, 0, 0, false) : Metric.Ratio(n, d);
    }

    /// <summary>People over a quantity that is no person (booked ÷ seats): only the people side is controlled.</summary>
    public static Metric PeopleOverCapacity(Metric ratio, long capacity, int minimum)
    {
        if (PublishedCount((long)Math.Round(ratio.Numerator), minimum) is not { } n)
        {
            return Metric.Hidden;
        }

        return Metric.Ratio(n, capacity);
    }

    /// <summary>
    /// A mean (or a rate over person-days) resting on <paramref name="people"/> people: hidden under the minimum,
    /// otherwise its value rounded to <paramref name="step"/> and carried with the rounded number of people only.
    /// </summary>
    public static Metric Mean(Metric mean, long people, double step, int minimum)
    {
        if (PublishedCount(people, minimum) is not { } published)
        {
            return Metric.Hidden;
        }

        if (published == 0 || mean.Value is not { } value)
        {
            return new Metric(null, 0, 0, false);
        }

        var rounded = Math.Round(value / step, MidpointRounding.AwayFromZero) * step;
        return new Metric(rounded, rounded * published, published, false);
    }

    public static Breakdown Counts(Breakdown breakdown, int minimum) =>
        new(breakdown.Cells.ToDictionary(c => c.Key, c => Count(c.Value, minimum), StringComparer.Ordinal));

    public static Breakdown PeopleRatios(Breakdown breakdown, int minimum) =>
        new(breakdown.Cells.ToDictionary(c => c.Key, c => PeopleRatio(c.Value, minimum), StringComparer.Ordinal));
}
