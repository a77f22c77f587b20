using System.Globalization;
using System.Text;
using CapacityHub.Gateway.Web.Shell;
using static CapacityHub.Gateway.Web.Funder.SvgCharts;
using static CapacityHub.Gateway.Web.Shell.Html;
using MetricValue = CapacityHub.Trainings.V1.Metric;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>The figures part of the dashboard: headline cards and charts. Rendered for the page and for every live update.</summary>
public static class ImpactDashboardView
{
    public static string Render(ImpactFigures figures)
    {
        var m = figures.Metrics;
        var min = m.MinimumCellCount;
        var html = new StringBuilder("<div class=\"cards\">")
            .Append(Card("unique-participants", "Unique participants", Count(m.UniqueParticipants, min)))
            .Append(Card("participations", "Participations", Count(m.Participations, min)))
            .Append(Card("countries", "Countries reached", m.Countries.ToString(CultureInfo.InvariantCulture)))
            .Append(Card("organisations", "Organisations reached", m.Organisations.ToString(CultureInfo.InvariantCulture)))
            .Append(Card("completion-rate", "Completion rate", Share(m.CompletionRate, min)))
            .Append(Card("normalised-gain", "Learning gain (normalised)", Share(m.MeanNormalisedGain, min)))
            .Append(Card("female-share", "Women among participants", Share(m.FemaleShare, min)))
            .Append(Card("reports-received", "Reports received", Share(m.ReportsReceived, min)));
        foreach (var cost in figures.Costs)
        {
            html.Append(Card($"cost-{cost.Currency.ToLowerInvariant()}", $"Budget per participant ({cost.Currency})",
                cost.PerParticipant is { } per ? per.ToString("#,0", CultureInfo.InvariantCulture) : "–"));
        }

        html.Append("</div>");
        if (m.SuppressionApplied)
        {
            html.Append($"<p class=\"lead\">Cells with fewer than {min} people are not shown, so nobody can be identified.</p>");
        }

        html.Append("<div class=\"charts\">")
            .Append(Bars("chart-reach", "Reach by country (unique participants)",
                figures.ReachByCountry.Select(c => new Bar(c.Country, c.People, c.People.ToString(CultureInfo.InvariantCulture))).ToList(),
                empty: "No country has enough participants to show yet."))
            .Append(Bars("chart-completion", "Attendance and completion", Shares(
                ("Fill rate", m.FillRate), ("Attendance", m.AttendanceRate), ("Completion", m.CompletionRate), ("No-show", m.NoShowRate)), 1))
            .Append(Bars("chart-learning", "Learning gain", Available(
                ("Normalised gain", m.MeanNormalisedGain, v => Formats.Percent(v)),
                ("Mean gain (points)", m.MeanGainPoints is { } g ? new MetricValue(g) { Value = g.HasValue ? g.Value / 100 : 0 } : null, v => Formats.Number(v * 100, "0.#") + " pts"),
                ("Rated relevant", m.RelevantShare, v => Formats.Percent(v)),
                ("Satisfaction (of 5)", m.MeanSatisfaction is { } s ? new MetricValue(s) { Value = s.HasValue ? s.Value / 5 : 0 } : null, v => Formats.Number(v * 5, "0.0"))), 1))
            .Append(Bars("chart-indicators", "Indicator progress against target", figures.Indicators
                .Where(i => i.Progress is not null)
                .Select(i => new Bar($"{i.Programme}: {i.Indicator}", Math.Max(0, i.Progress!.Value), $"{Formats.Number(i.Actual)} of {Formats.Number(i.Target)} ({Formats.Percent(i.Progress)})"))
                .ToList(), 1, "No indicator has both a target and an actual yet."))
            .Append(Bars("chart-gender", "Gender balance (share of women)", new[] { new Bar("All participants", m.FemaleShare is { Suppressed: false, HasValue: true } f ? f.Value : 0, Share(m.FemaleShare, min)) }
                .Where(_ => m.FemaleShare is { Suppressed: false, HasValue: true })
                .Concat(m.FemaleShareByCountry.Where(c => c.Value is { Suppressed: false, HasValue: true }).OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new Bar(c.Key, c.Value.Value, Formats.Percent(c.Value.Value)))).ToList(), 1, "Too few participants to show."))
            .Append(Bars("chart-reporting", "Reporting discipline", Shares(("Reports received", m.ReportsReceived), ("On time", m.ReportsOnTime)), 1, "No reports were due yet."))
            .Append("</div>");
        if (figures.Indicators.Count > 0)
        {
            html.Append("<h2>Indicators</h2><div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Programme</th><th scope=\"col\">Indicator</th><th scope=\"col\" class=\"num\">Baseline</th><th scope=\"col\" class=\"num\">Actual</th><th scope=\"col\" class=\"num\">Target</th><th scope=\"col\" class=\"num\">Progress</th></tr></thead><tbody>")
                .Append(Join(figures.Indicators, i => $"<tr><td data-label=\"Programme\">{E(i.Programme)}</td><td data-label=\"Indicator\">{E(i.Indicator)}{(i.FromMetrics ? " <span class=\"lead\">(computed)</span>" : "")}</td><td class=\"num\" data-label=\"Baseline\">{Formats.Number(i.Baseline)}</td>" +
                    $"<td class=\"num\" data-label=\"Actual\">{Formats.Number(i.Actual)}</td><td class=\"num\" data-label=\"Target\">{Formats.Number(i.Target)}</td><td class=\"num\" data-label=\"Progress\">{Formats.Percent(i.Progress)}</td></tr>"))
                .Append("</tbody></table></div>");
        }

        return html.ToString();
    }

    private static string Card(string id, string label, string value) =>
        $"<div class=\"card\"><div class=\"value\" id=\"fig-{E(id)}\">{E(value)}</div><div class=\"label\">{E(label)}</div></div>";

    public static string Count(MetricValue? metric, int min) =>
        metric is null ? "–" : metric.Suppressed ? $"fewer than {min}" : metric.HasValue ? metric.Value.ToString("#,0", CultureInfo.InvariantCulture) : "–";

    public static string Share(MetricValue? metric, int min) =>
        metric is null ? "–" : metric.Suppressed ? $"hidden (under {min})" : Formats.Percent(metric.HasValue ? metric.Value : null);

    private static IReadOnlyList<Bar> Shares(params (string Label, MetricValue? Metric)[] metrics) =>
        metrics.Where(x => Shown(x.Metric)).Select(x => new Bar(x.Label, x.Metric!.Value, Formats.Percent(x.Metric.Value))).ToList();

    private static IReadOnlyList<Bar> Available(params (string Label, MetricValue? Metric, Func<double, string> Text)[] metrics) =>
        metrics.Where(x => Shown(x.Metric)).Select(x => new Bar(x.Label, x.Metric!.Value, x.Text(x.Metric.Value))).ToList();

    /// <summary>A figure worth a bar: not suppressed and resting on at least one record.</summary>
    private static bool Shown(MetricValue? metric) => metric is { Suppressed: false, HasValue: true, Denominator: > 0 };
}
