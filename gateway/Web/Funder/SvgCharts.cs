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
    private const int Width = 360;
    private const int Row = 40;

    public sealed record Bar(string Label, double Value, string Text);

    /// <summary>Each bar under its label, its value at the right end of the label line, so long labels never clip on a phone.</summary>
    /// <param name="maximum">The value of a full bar (1 for shares); null scales to the largest bar.</param>
    public static string Bars(string id, string title, IReadOnlyList<Bar> bars, double? maximum = null, string empty = "No figures to show.")
    {
        if (bars.Count == 0)
        {
            return Figure(id, title, $"<p>{E(empty)}</p>");
        }

        var max = maximum ?? Math.Max(bars.Max(b => b.Value), 1e-9);
        var svg = new StringBuilder()
            .Append($"<svg viewBox=\"0 0 {Width} {bars.Count * Row}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append($"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(string.Join("; ", bars.Select(b => $"{b.Label}: {b.Text}")))}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = i * Row;
            var length = Math.Clamp(bars[i].Value / max, 0, 1) * Width;
            svg.Append($"<text x=\"0\" y=\"{y + 14}\" font-size=\"14\" fill=\"#1b1b1f\">{E(Trim(bars[i].Label, bars[i].Text.Length))}</text>")
                .Append($"<text x=\"{Width}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"14\" font-weight=\"700\" fill=\"#1b1b1f\">{E(bars[i].Text)}</text>")
                .Append($"<rect x=\"0\" y=\"{y + 20}\" width=\"{Width}\" height=\"14\" fill=\"#e6eaf0\"/>")
                .Append($"<rect x=\"0\" y=\"{y + 20}\" width=\"{N(length)}\" height=\"14\" fill=\"#0b4f9c\"/>");
        }

        svg.Append("</svg>");
        return Figure(id, title, svg.ToString());
    }

    private static string Figure(string id, string title, string content) =>
        $"<figure class=\"chart\" id=\"{id}\"><figcaption>{E(title)}</figcaption>{content}</figure>";

    /// <summary>Room for about 48 characters on a line, shared with the value text.</summary>
    private static string Trim(string label, int valueLength)
    {
        var room = Math.Max(12, 46 - valueLength);
        return label.Length <= room ? label : label[..(room - 1)] + "…";
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
