using System.Net;
using System.Text;
using CapacityHub.Gateway.Authentication;
using Microsoft.AspNetCore.Antiforgery;

namespace CapacityHub.Gateway.Web;

/// <summary>
/// The landing page: who is signed in, and in the local demo the accounts to sign in with.
/// (The role dashboards build on this page.)
/// </summary>
public static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, CallerClaims claims, IAntiforgery antiforgery, IServiceProvider services) =>
        {
            var csrf = antiforgery.GetAndStoreTokens(context);
            var csrfField = $"<input type=\"hidden\" name=\"{csrf.FormFieldName}\" value=\"{WebUtility.HtmlEncode(csrf.RequestToken)}\">";
            var caller = claims.FromPrincipal(context.User);
            var demo = services.GetService<DemoTokenIssuer>() is not null;
            var html = new StringBuilder()
                .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .Append("<title>CapacityHub</title></head><body><main>")
                .Append("<h1>CapacityHub</h1><p>Cyber capacity-building programmes: trainings, nominations, outcomes and impact.</p>");
            if (caller is not null)
            {
                html.Append("<p>Signed in as <strong>").Append(WebUtility.HtmlEncode(caller.DisplayName)).Append("</strong> (")
                    .Append(WebUtility.HtmlEncode(caller.Role.ToString())).Append(").</p>")
                    .Append("<form method=\"post\" action=\"/sign-out\">").Append(csrfField).Append("<button type=\"submit\">Sign out</button></form>");
            }
            else if (demo)
            {
                html.Append("<h2>Demo sign-in</h2><p>This local run offers one account per kind of user.</p>")
                    .Append("<form method=\"post\" action=\"/demo/sign-in\">").Append(csrfField).Append("<label for=\"account\">Account</label> ")
                    .Append("<select id=\"account\" name=\"account\">");
                foreach (var account in DemoAccounts.All)
                {
                    html.Append("<option value=\"").Append(account.UserName).Append("\">")
                        .Append(WebUtility.HtmlEncode($"{account.UserName}: {account.Description}")).Append("</option>");
                }

                html.Append("</select> <button type=\"submit\">Sign in</button></form>");
            }

            html.Append("</main></body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
