namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// Labelled inputs with their hint and errors tied to them (aria-describedby, aria-invalid), so screen
/// readers announce what is wrong with a field when it gets focus.
/// </summary>
public static class FormFields
{
    public static string Input(string name, string label, string? value, FormErrors errors, string type = "text", string? hint = null, bool required = false, string extra = "")
    {
        var (describedBy, messages) = Describe(name, hint, errors);
        var invalid = errors.For(name).Count > 0 ? " aria-invalid=\"true\"" : "";
        return $"<div class=\"field\"><label for=\"{Id(name)}\">{Html.E(label)}</label>{messages}" +
            $"<input id=\"{Id(name)}\" name=\"{Html.E(name)}\" type=\"{type}\"{Html.Attr("value", value)}{(required ? " required" : "")}{invalid}{describedBy}{extra}></div>";
    }

    public static string TextArea(string name, string label, string? value, FormErrors errors, string? hint = null)
    {
        var (describedBy, messages) = Describe(name, hint, errors);
        var invalid = errors.For(name).Count > 0 ? " aria-invalid=\"true\"" : "";
        return $"<div class=\"field\"><label for=\"{Id(name)}\">{Html.E(label)}</label>{messages}" +
            $"<textarea id=\"{Id(name)}\" name=\"{Html.E(name)}\" rows=\"5\"{invalid}{describedBy}>{Html.E(value)}</textarea></div>";
    }

    public static string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? selected, FormErrors errors, string? hint = null)
    {
        var (describedBy, messages) = Describe(name, hint, errors);
        var invalid = errors.For(name).Count > 0 ? " aria-invalid=\"true\"" : "";
        var items = Html.Join(options, o => $"<option{Html.Attr("value", o.Value)}{(o.Value == selected ? " selected" : "")}>{Html.E(o.Text)}</option>");
        return $"<div class=\"field\"><label for=\"{Id(name)}\">{Html.E(label)}</label>{messages}" +
            $"<select id=\"{Id(name)}\" name=\"{Html.E(name)}\"{invalid}{describedBy}>{items}</select></div>";
    }

    /// <summary>An element id from a field name ("venue.time_zone" gives "f-venue-time_zone").</summary>
    public static string Id(string name) => "f-" + Html.E(name.Replace('.', '-').Replace('[', '-').Replace("]", ""));

    private static (string DescribedBy, string Messages) Describe(string name, string? hint, FormErrors errors)
    {
        var ids = new List<string>();
        var html = "";
        if (hint is not null)
        {
            ids.Add(Id(name) + "-hint");
            html += $"<span class=\"hint\" id=\"{Id(name)}-hint\">{Html.E(hint)}</span>";
        }

        var fieldErrors = errors.For(name);
        if (fieldErrors.Count > 0)
        {
            ids.Add(Id(name) + "-error");
            html += $"<span class=\"field-error\" id=\"{Id(name)}-error\">{Html.E(string.Join("; ", fieldErrors))}</span>";
        }

        return (ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"", html);
    }
}
