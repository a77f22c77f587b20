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
/// What the funder dashboard shows, all from the gateway's dashboard (the Trainings service's metrics,
/// never recounted here, joined with the funded programmes' results frameworks and budgets).
/// </summary>
/// <param name="ReachByCountry">Unique participants per country; suppressed countries are left out.</param>
/// <param name="Programmes">Each programme in view with its own figures, for comparing them side by side.</param>
public sealed record ImpactFigures(ImpactMetrics Metrics, IReadOnlyList<IndicatorProgress> Indicators, IReadOnlyList<CostPerParticipant> Costs,
    IReadOnlyList<(string Country, long People)> ReachByCountry, IReadOnlyList<ProgrammeFigures> Programmes);

/// <summary>One programme's published figures (suppressed and rounded by the Trainings service like every other cell).</summary>
public sealed record ProgrammeFigures(string Title, string Code, Programmes.V1.ActivityStatus Status, IReadOnlyList<string> RecipientCountries, ImpactMetrics Metrics, IReadOnlyList<CostPerParticipant> Costs);
