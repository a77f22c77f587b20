using System.Text;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Web.Shell;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web;

/// <summary>
/// The landing page: who is signed in and where their work is, or in the local demo the accounts to
/// sign in with.
/// </summary>
public static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, IServiceProvider services) =>
        {
            var request = WebRequest.For(context);
            var demo = services.GetService<DemoTokenIssuer>() is not null;
            var html = new StringBuilder("<p class=\"lead\">Cyber capacity-building programmes: trainings, nominations, outcomes and impact.</p>");
            if (request is not null)
            {
                html.Append("<p>Signed in as <strong>").Append(E(request.Caller.DisplayName)).Append("</strong> (").Append(E(Words(request.Caller.Role))).Append(").</p>");
                var links = PageLayout.LinksFor(request.Caller.Role);
                html.Append(links.Count == 0 ? "<p>Your role has no screens in the web app.</p>" :
                    "<h2>Your work</h2><ul>" + Join(links, l => $"<li><a href=\"{l.Href}\">{E(l.Text)}</a></li>") + "</ul>");
            }
            else if (demo)
            {
                var csrf = new WebRequestAntiforgery(context).Field;
                html.Append("<h2>Demo sign-in</h2><p>This local run offers one account per kind of user.</p>")
                    .Append("<form class=\"stack\" method=\"post\" action=\"/demo/sign-in\">").Append(csrf)
                    .Append(FormFields.Select("account", "Account", DemoAccounts.All.Select(a => (a.UserName, $"{a.UserName}: {a.Description}")), null, FormErrors.None))
                    .Append("<div><button type=\"submit\">Sign in</button></div></form>");
            }
            else
            {
                html.Append("<p>Sign in with your organisation's identity provider to continue.</p>");
            }

            return PageLayout.Render(request, "CapacityHub", html.ToString());
        });
        return endpoints;
    }
}
