using System.Globalization;
using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Components.Shared;
using CapacityHub.Gateway.Web.Shell;
using MetricValue = CapacityHub.Trainings.V1.Metric;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>The dashboard's figures as the words and bars it shows: suppressed cells say so, never a number.</summary>
public static class ImpactFigureText
{
    public static string Count(MetricValue? metric, int min) =>
        metric is null ? "–" : metric.Suppressed ? $"fewer than {min}" : metric.HasValue ? metric.Value.ToString("#,0", CultureInfo.InvariantCulture) : "–";

    public static string Share(MetricValue? metric, int min) =>
        metric is null ? "–" : metric.Suppressed ? $"hidden (under {min})" : Formats.Percent(metric.HasValue ? metric.Value : null);

    public static IReadOnlyList<BarChart.Bar> Reach(ImpactFigures figures) =>
        figures.ReachByCountry.Select(c => new BarChart.Bar(NameDirectory.Country(c.Country), c.People, c.People.ToString(CultureInfo.InvariantCulture))).ToList();

    public static IReadOnlyList<BarChart.Bar> Completion(Trainings.V1.ImpactMetrics m) =>
        Shares(("Fill rate", m.FillRate), ("Attendance", m.AttendanceRate), ("Completion", m.CompletionRate), ("No-show", m.NoShowRate));

    public static IReadOnlyList<BarChart.Bar> Learning(Trainings.V1.ImpactMetrics m) => Available(
        ("Normalised gain", m.MeanNormalisedGain, v => Formats.Percent(v)),
        ("Mean gain (points)", m.MeanGainPoints is { } g ? new MetricValue(g) { Value = g.HasValue ? g.Value / 100 : 0 } : null, v => Formats.Number(v * 100, "0.#") + " pts"),
        ("Rated relevant", m.RelevantShare, v => Formats.Percent(v)),
        ("Satisfaction (of 5)", m.MeanSatisfaction is { } s ? new MetricValue(s) { Value = s.HasValue ? s.Value / 5 : 0 } : null, v => Formats.Number(v * 5, "0.0")));

    public static IReadOnlyList<BarChart.Bar> Indicators(ImpactFigures figures) => figures.Indicators
        .Where(i => i.Progress is not null)
        .Select(i => new BarChart.Bar($"{i.Indicator} ({i.Programme})", Math.Max(0, i.Progress!.Value), $"{Formats.Number(i.Actual)} of {Formats.Number(i.Target)} ({Formats.Percent(i.Progress)})"))
        .ToList();

    public static IReadOnlyList<BarChart.Bar> Gender(Trainings.V1.ImpactMetrics m)
    {
        var bars = new List<BarChart.Bar>();
        if (m.FemaleShare is { Suppressed: false, HasValue: true } all)
        {
            bars.Add(new BarChart.Bar("All participants", all.Value, Share(all, m.MinimumCellCount)));
        }

        bars.AddRange(m.FemaleShareByCountry.Where(c => c.Value is { Suppressed: false, HasValue: true }).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new BarChart.Bar(NameDirectory.Country(c.Key), c.Value.Value, Formats.Percent(c.Value.Value))));
        return bars;
    }

    public static IReadOnlyList<BarChart.Bar> Reporting(Trainings.V1.ImpactMetrics m) => Shares(("Reports received", m.ReportsReceived), ("On time", m.ReportsOnTime));

    private static IReadOnlyList<BarChart.Bar> Shares(params (string Label, MetricValue? Metric)[] metrics) =>
        metrics.Where(x => Shown(x.Metric)).Select(x => new BarChart.Bar(x.Label, x.Metric!.Value, Formats.Percent(x.Metric.Value))).ToList();

    private static IReadOnlyList<BarChart.Bar> Available(params (string Label, MetricValue? Metric, Func<double, string> Text)[] metrics) =>
        metrics.Where(x => Shown(x.Metric)).Select(x => new BarChart.Bar(x.Label, x.Metric!.Value, x.Text(x.Metric.Value))).ToList();

    /// <summary>A figure worth a bar: not suppressed and resting on at least one record.</summary>
    private static bool Shown(MetricValue? metric) => metric is { Suppressed: false, HasValue: true, Denominator: > 0 };
}
