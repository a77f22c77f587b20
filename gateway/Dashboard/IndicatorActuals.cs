using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Dashboard;

/// <summary>
/// The value of an indicator's metric in a set of impact metrics: the one computation of indicator actuals,
/// used by the manager's programme page, the funder dashboard and the IATI export alike (each reads the
/// metrics its audience may see). Shares and rates are fractions in the metrics; an indicator measured in
/// percent reads them as percentages. Behaviour uses the six-month follow-up once anyone answered it, the
/// three-month one before.
/// </summary>
public static class IndicatorActuals
{
    public readonly record struct Reading(double? Value, bool Suppressed);

    public static Reading Read(ImpactMetric metric, IndicatorMeasure measure, ImpactMetrics m)
    {
        var percent = measure == IndicatorMeasure.Percentage ? 100.0 : 1.0;
        return metric switch
        {
            ImpactMetric.UniqueParticipants => Of(m.UniqueParticipants, 1),
            ImpactMetric.Completers => m.CompletionRate is { Suppressed: true }
                ? new Reading(null, true)
                : new Reading(m.CompletionRate?.Numerator ?? 0, false),
            ImpactMetric.CompletionRate => Of(m.CompletionRate, percent),
            ImpactMetric.NormalisedGain => Of(m.MeanNormalisedGain, percent),
            ImpactMetric.Satisfaction => Of(m.MeanSatisfaction, 1),
            ImpactMetric.BehaviourApplied => Of(m.ApplyingAtSixMonths is { Denominator: > 0 } or { Suppressed: true } ? m.ApplyingAtSixMonths : m.ApplyingAtThreeMonths, percent),
            ImpactMetric.FemaleShare => Of(m.FemaleShare, percent),
            ImpactMetric.CountriesReached => new Reading(m.Countries, false),
            ImpactMetric.OrganisationsReached => new Reading(m.Organisations, false),
            ImpactMetric.ReportsReceived => Of(m.ReportsReceived, percent),
            ImpactMetric.ReportsOnTime => Of(m.ReportsOnTime, percent),
            _ => new Reading(null, false),
        };
    }

    /// <summary>(actual − baseline) ÷ (target − baseline), DOMAIN.md "indicator progress".</summary>
    public static double? Progress(double? actual, double? target, double baseline) =>
        actual is { } a && target is { } t && t != baseline ? (a - baseline) / (t - baseline) : null;

    private static Reading Of(Metric? metric, double scale) => metric switch
    {
        null => new Reading(null, false),
        { Suppressed: true } => new Reading(null, true),
        { HasValue: true } => new Reading(metric.Value * scale, false),
        _ => new Reading(null, false),
    };
}
