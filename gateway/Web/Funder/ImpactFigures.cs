using System.Globalization;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>One indicator of a funded programme against its target; progress = (actual − baseline) ÷ (target − baseline).</summary>
public sealed record IndicatorProgress(string Programme, string Indicator, double Baseline, double? Target, double? Actual, bool FromMetrics)
{
    public double? Progress => Target is { } t && Actual is { } a && t != Baseline ? (a - Baseline) / (t - Baseline) : null;
}

/// <summary>Budget of the programmes in view, per currency, divided by the unique participants the service counts.</summary>
public sealed record CostPerParticipant(string Currency, decimal Budget, double? PerParticipant);

/// <summary>
/// What the funder dashboard shows, computed from the Trainings service's metrics (never recounted here)
/// and the funded programmes' results frameworks and budgets.
/// </summary>
public sealed record ImpactFigures(ImpactMetrics Metrics, IReadOnlyList<IndicatorProgress> Indicators, IReadOnlyList<CostPerParticipant> Costs)
{
    /// <summary>Unique participants per country: the denominators of the per-country female share; suppressed countries are left out.</summary>
    public IReadOnlyList<(string Country, long People)> ReachByCountry =>
        Metrics.FemaleShareByCountry.Where(c => !c.Value.Suppressed).Select(c => (c.Key, c.Value.Denominator)).OrderByDescending(c => c.Denominator).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    public int SuppressedCountries => Metrics.FemaleShareByCountry.Count(c => c.Value.Suppressed);

    public static IReadOnlyList<CostPerParticipant> CostsOf(IEnumerable<Programme> programmes, ImpactMetrics metrics) =>
        programmes.SelectMany(p => p.Budgets)
            .Where(b => b.Value is not null && decimal.TryParse(b.Value.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            .GroupBy(b => b.Value.CurrencyCode, StringComparer.Ordinal)
            .Select(g =>
            {
                var total = g.Sum(b => decimal.Parse(b.Value.Amount, NumberStyles.Number, CultureInfo.InvariantCulture));
                var people = metrics.UniqueParticipants is { Suppressed: false, HasValue: true } u && u.Value > 0 ? u.Value : (double?)null;
                return new CostPerParticipant(g.Key, total, people is { } n ? (double)total / n : null);
            })
            .ToList();

    /// <summary>The actual an indicator's linked metric gives, when it has one and the metric is not suppressed.</summary>
    public static double? FromMetric(ImpactMetric metric, ImpactMetrics m) => metric switch
    {
        ImpactMetric.UniqueParticipants => Value(m.UniqueParticipants),
        ImpactMetric.Completers => m.CompletionRate is { Suppressed: false } c ? c.Numerator : null,
        ImpactMetric.CompletionRate => Percent(m.CompletionRate),
        ImpactMetric.NormalisedGain => Value(m.MeanNormalisedGain),
        ImpactMetric.Satisfaction => Value(m.MeanSatisfaction),
        ImpactMetric.BehaviourApplied => Percent(m.ApplyingAtSixMonths) ?? Percent(m.ApplyingAtThreeMonths),
        ImpactMetric.FemaleShare => Percent(m.FemaleShare),
        ImpactMetric.CountriesReached => m.Countries,
        ImpactMetric.OrganisationsReached => m.Organisations,
        _ => null,
    };

    private static double? Value(Trainings.V1.Metric? metric) => metric is { Suppressed: false, HasValue: true } ? metric.Value : null;

    private static double? Percent(Trainings.V1.Metric? metric) => Value(metric) is { } v ? v * 100 : null;
}
