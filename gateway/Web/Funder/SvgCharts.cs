using System.Globalization;
using System.Text;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>
/// Charts drawn on the server as inline SVG: horizontal bars with their value written next to each bar,
/// so the figure reads without colour and screen readers get the title and a text summary.
/// </summary>
public static class SvgCharts
{
    private const int Width = 480;
    private const int LabelWidth = 150;
    private const int BarHeight = 22;
    private const int Gap = 8;

    public sealed record Bar(string Label, double Value, string Text);

    /// <param name="maximum">The value of a full bar (1 for shares); null scales to the largest bar.</param>
    public static string Bars(string id, string title, IReadOnlyList<Bar> bars, double? maximum = null, string empty = "No figures to show.")
    {
        if (bars.Count == 0)
        {
            return Figure(id, title, $"<p>{E(empty)}</p>");
        }

        var max = maximum ?? Math.Max(bars.Max(b => b.Value), 1e-9);
        var height = (bars.Count * (BarHeight + Gap)) + Gap;
        var svg = new StringBuilder()
            .Append($"<svg viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append($"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(string.Join("; ", bars.Select(b => $"{b.Label}: {b.Text}")))}</desc>");
        var plot = Width - LabelWidth - 70;
        for (var i = 0; i < bars.Count; i++)
        {
            var y = Gap + (i * (BarHeight + Gap));
            var length = Math.Clamp(bars[i].Value / max, 0, 1) * plot;
            svg.Append($"<text x=\"{LabelWidth - 6}\" y=\"{N(y + 15)}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1b1f\">{E(Trim(bars[i].Label))}</text>")
                .Append($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{N(plot)}\" height=\"{BarHeight}\" fill=\"#e6eaf0\"/>")
                .Append($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{N(length)}\" height=\"{BarHeight}\" fill=\"#0b4f9c\"/>")
                .Append($"<text x=\"{N(LabelWidth + plot + 6)}\" y=\"{N(y + 15)}\" font-size=\"13\" fill=\"#1b1b1f\">{E(bars[i].Text)}</text>");
        }

        svg.Append("</svg>");
        return Figure(id, title, svg.ToString());
    }

    private static string Figure(string id, string title, string content) =>
        $"<figure class=\"chart\" id=\"{id}\"><figcaption>{E(title)}</figcaption>{content}</figure>";

    private static string Trim(string label) => label.Length <= 22 ? label : label[..21] + "…";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
