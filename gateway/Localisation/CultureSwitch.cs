using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;

namespace CapacityHub.Gateway.Localisation;

/// <summary>
/// POST /culture: remembers the language chosen with the switcher for a year and goes back to the page it was
/// chosen on. Only a path on this site is followed back, so the form cannot be used to send people elsewhere.
/// </summary>
public static class CultureSwitch
{
    public const string Path = "/culture";

    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        // Checked here: the antiforgery middleware enforces only endpoints that bind a form, and this one reads it itself.
        endpoints.MapPost(Path, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form has expired",
                    detail: "Reload the page and choose the language again.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string? culture = form["culture"];
            if (!InterfaceCultures.IsSupported(culture))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                    detail: $"culture must be one of {string.Join(", ", InterfaceCultures.Supported.Select(c => c.Name))}.");
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!.ToLowerInvariant())),
                new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                });
            return Results.LocalRedirect(LocalPathOrHome(form["returnUrl"]));
        }).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The return address when it is a path on this site ("/x", not "//host" or "/\host"), else the start page.</summary>
    public static string LocalPathOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : "/";
}
