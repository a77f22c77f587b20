using System.Globalization;
using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Components.Shared;
using CapacityHub.Gateway.Web.Shell;
using Microsoft.Extensions.Localization;
using MetricValue = CapacityHub.Trainings.V1.Metric;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>
/// The dashboard's figures as the words and bars it shows, in the reader's language: suppressed cells say so,
/// never a number.
/// </summary>
public sealed class ImpactFigureText(IStringLocalizer<UiText> l)
{
    public string Count(MetricValue? metric, int min) =>
        metric is null ? "–" : metric.Suppressed ? l["fewer than {0}", min] : metric.HasValue ? metric.Value.ToString("#,0", CultureInfo.InvariantCulture) : "–";

    public string Share(MetricValue? metric, int min) =>
        metric is null ? "–" : metric.Suppressed ? l["hidden (under {0})", min] : Formats.Percent(metric.HasValue ? metric.Value : null);

    public static IReadOnlyList<BarChart.Bar> Reach(ImpactFigures figures) =>
        figures.ReachByCountry.Select(c => new BarChart.Bar(NameDirectory.Country(c.Country), c.People, c.People.ToString(CultureInfo.InvariantCulture))).ToList();

    public IReadOnlyList<BarChart.Bar> Completion(Trainings.V1.ImpactMetrics m) =>
        Shares((l["Fill rate"], m.FillRate), (l["Attendance"], m.AttendanceRate), (l["Completion"], m.CompletionRate), (l["No-show"], m.NoShowRate));

    public IReadOnlyList<BarChart.Bar> Learning(Trainings.V1.ImpactMetrics m) => Available(
        (l["Normalised gain"], m.MeanNormalisedGain, v => Formats.Percent(v)),
        (l["Mean gain (points)"], m.MeanGainPoints is { } g ? new MetricValue(g) { Value = g.HasValue ? g.Value / 100 : 0 } : null, v => l["{0} pts", Formats.Number(v * 100, "0.#")]),
        (l["Rated relevant"], m.RelevantShare, v => Formats.Percent(v)),
        (l["Satisfaction (of 5)"], m.MeanSatisfaction is { } s ? new MetricValue(s) { Value = s.HasValue ? s.Value / 5 : 0 } : null, v => Formats.Number(v * 5, "0.0")));

    public IReadOnlyList<BarChart.Bar> Indicators(ImpactFigures figures) => figures.Indicators
        .Where(i => i.Progress is not null)
        .Select(i => new BarChart.Bar($"{i.Indicator} ({i.Programme})", Math.Max(0, i.Progress!.Value), l["{0} of {1} ({2})", Formats.Number(i.Actual), Formats.Number(i.Target), Formats.Percent(i.Progress)]))
        .ToList();

    public IReadOnlyList<BarChart.Bar> Gender(Trainings.V1.ImpactMetrics m)
    {
        var bars = new List<BarChart.Bar>();
        if (m.FemaleShare is { Suppressed: false, HasValue: true } all)
        {
            bars.Add(new BarChart.Bar(l["All participants"], all.Value, Share(all, m.MinimumCellCount)));
        }

        bars.AddRange(m.FemaleShareByCountry.Where(c => c.Value is { Suppressed: false, HasValue: true }).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new BarChart.Bar(NameDirectory.Country(c.Key), c.Value.Value, Formats.Percent(c.Value.Value))));
        return bars;
    }

    public IReadOnlyList<BarChart.Bar> Reporting(Trainings.V1.ImpactMetrics m) => Shares((l["Reports received"], m.ReportsReceived), (l["On time"], m.ReportsOnTime));

    private static IReadOnlyList<BarChart.Bar> Shares(params (string Label, MetricValue? Metric)[] metrics) =>
        metrics.Where(x => Shown(x.Metric)).Select(x => new BarChart.Bar(x.Label, x.Metric!.Value, Formats.Percent(x.Metric.Value))).ToList();

    private static IReadOnlyList<BarChart.Bar> Available(params (string Label, MetricValue? Metric, Func<double, string> Text)[] metrics) =>
        metrics.Where(x => Shown(x.Metric)).Select(x => new BarChart.Bar(x.Label, x.Metric!.Value, x.Text(x.Metric.Value))).ToList();

    /// <summary>A figure worth a bar: not suppressed and resting on at least one record.</summary>
    private static bool Shown(MetricValue? metric) => metric is { Suppressed: false, HasValue: true, Denominator: > 0 };
}
