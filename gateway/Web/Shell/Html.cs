using System.Globalization;
using System.Net;
using System.Text;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>Encoding and small building blocks every page uses, so no page writes raw user text.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string E(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Attr(string name, string? value) => $" {name}=\"{E(value)}\"";

    public static string Join<T>(IEnumerable<T> items, Func<T, string> render)
    {
        var html = new StringBuilder();
        foreach (var item in items)
        {
            html.Append(render(item));
        }

        return html.ToString();
    }

    /// <summary>A readable status word for a proto enum value: "OpenForNomination" becomes "open for nomination".</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
