using System.Text;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// The frame of every page: skip link, header with the caller's navigation, one main landmark, and
/// the single stylesheet and script (same origin, as the content security policy requires).
/// </summary>
public static class PageLayout
{
    public static IResult Render(WebRequest? request, string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.E(title)).Append(" · CapacityHub</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append("/app.css").Append("\">")
            .Append("<script src=\"").Append("/app.js").Append("\" defer></script></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Append("<header class=\"site\"><a class=\"brand\" href=\"/\">CapacityHub</a>");
        if (request is not null)
        {
            html.Append(Navigation(request))
                .Append("<form class=\"sign-out\" method=\"post\" action=\"/sign-out\">").Append(request.CsrfField)
                .Append("<span class=\"who\">").Append(Html.E(request.Caller.DisplayName)).Append("</span> ")
                .Append("<button type=\"submit\" class=\"link\">Sign out</button></form>");
        }

        // Pages answering a GET say which zone they were drawn in, so app.js can redraw them once in the
        // browser's own zone (never after a POST, which a reload would send again).
        var zone = request is not null && HttpMethods.IsGet(request.Http.Request.Method) ? Html.Attr("data-viewer-zone", request.ZoneIfValid is { Known: true } known ? known.Id : "") : "";
        html.Append("</header><main id=\"main\" tabindex=\"-1\"").Append(zone).Append("><h1>").Append(Html.E(title)).Append("</h1>")
            .Append(body)
            .Append("</main><footer class=\"site\"><p>CapacityHub · cyber capacity-building programmes</p></footer></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string Navigation(WebRequest request)
    {
        var links = WebNavigation.LinksFor(request.Caller.Role);
        if (links.Count == 0)
        {
            return "";
        }

        var path = request.Http.Request.Path.Value ?? "";
        // The longest link the path is at or below: "/manager/schedule" is not also "/manager".
        var current = links.Where(l => path == l.Href || path.StartsWith(l.Href + "/", StringComparison.Ordinal)).MaxBy(l => l.Href.Length).Href;
        var items = Html.Join(links, link =>
            $"<li><a href=\"{link.Href}\"{(link.Href == current ? " aria-current=\"page\"" : "")}>{Html.E(link.Text)}</a></li>");
        return $"<nav aria-label=\"Main\"><ul>{items}</ul></nav>";
    }

    public static string HomeOf(CallerRole role) => WebNavigation.HomeOf(role);
}
