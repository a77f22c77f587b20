using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CapacityHub.Gateway.Authentication;

/// <summary>
/// The local demo's sign-in: pick an account, get its token in an HttpOnly cookie (browsers) or in
/// the response body (gRPC tools). Mapped only when the demo issuer exists, i.e. in the Local environment.
/// </summary>
public static class DemoSignInEndpoints
{
    public sealed record TokenRequest(string Account);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Account, string Role);

    public static IEndpointRouteBuilder MapDemoSignIn(this IEndpointRouteBuilder endpoints)
    {
        var issuer = endpoints.ServiceProvider.GetService<DemoTokenIssuer>();
        if (issuer is null)
        {
            return endpoints;
        }

        var audience = endpoints.ServiceProvider.GetRequiredService<GatewayAuthenticationOptions>().Audience;
        endpoints.MapPost("/demo/token", ([FromBody] TokenRequest request) =>
            DemoAccounts.Find(request.Account) is { } account
                ? Results.Ok(new TokenResponse(issuer.Issue(account, audience), "Bearer", (int)DemoTokenIssuer.Lifetime.TotalSeconds, account.UserName, account.Identity.Role.ToString()))
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown demo account",
                    detail: $"Known accounts: {string.Join(", ", DemoAccounts.All.Select(a => a.UserName))}."));
        endpoints.MapGet("/demo/accounts", () => DemoAccounts.All.Select(a => new { a.UserName, a.Description, Role = a.Identity.Role.ToString() }));
        endpoints.MapPost("/demo/sign-in", (HttpContext context, [FromForm] string account) =>
        {
            if (DemoAccounts.Find(account) is not { } found)
            {
                return Results.Redirect("/?error=unknown-account");
            }

            context.Response.Cookies.Append(AuthenticationSetup.SessionCookie, issuer.Issue(found, audience), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                MaxAge = DemoTokenIssuer.Lifetime,
            });
            return Results.Redirect("/");
        });
        // Checked here: the antiforgery middleware enforces only endpoints that bind a form, and this one binds none.
        endpoints.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form has expired",
                    detail: "Reload the page and sign out again.");
            }

            context.Response.Cookies.Delete(AuthenticationSetup.SessionCookie);
            return Results.Redirect("/");
        }).DisableAntiforgery();
        return endpoints;
    }
}
