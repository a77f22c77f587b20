using CapacityHub.Gateway.Web.Components;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;
using CapacityHub.Gateway.Localisation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// The web app's endpoints that are not pages (live updates, CSV export, clash checks) get the pages'
/// rules: authorised by role before any service is asked (401 with the way to sign in, 403 naming the
/// roles), every POST with a valid anti-forgery token, and refusals as the same Razor status page.
/// </summary>
public static class WebRoutes
{
    public static RouteHandlerBuilder MapPage(this IEndpointRouteBuilder endpoints, string pattern, CallerRole[] roles, Func<WebRequest, Task<IResult>> page) =>
        endpoints.MapGet(pattern, (Func<HttpContext, Task<IResult>>)(http => RunAsync(http, roles, page)));

    public static RouteHandlerBuilder MapAction(this IEndpointRouteBuilder endpoints, string pattern, CallerRole[] roles, Func<WebRequest, IFormCollection, Task<IResult>> action) =>
        endpoints.MapPost(pattern, (Func<HttpContext, Task<IResult>>)(async http =>
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            var l = http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
            IFormCollection form;
            try
            {
                if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
                {
                    return StatusPage.ResultFor(PageProblems.FormExpired(l));
                }

                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
            {
                // Kestrel's body limit or the form reader's part limits: the same 413 the REST face gives.
                var limit = http.RequestServices.GetRequiredService<Limits.GatewayLimitsOptions>().MaxRequestBodyBytes;
                return StatusPage.ResultFor(PageProblems.TooLarge(l, limit));
            }

            return await RunAsync(http, roles, request => action(request, form));
        })).DisableAntiforgery();

    private static async Task<IResult> RunAsync(HttpContext http, CallerRole[] roles, Func<WebRequest, Task<IResult>> page)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        var request = WebRequest.For(http);
        if (request is null)
        {
            return StatusPage.ResultFor(PageProblems.SignInFirst(l));
        }

        if (!roles.Contains(request.Caller.Role))
        {
            return StatusPage.ResultFor(PageProblems.NotForRole(l, roles, request.Caller.Role));
        }

        try
        {
            // Every page shows times in the viewer's zone somewhere: an unknown ?tz= is refused on all of them.
            _ = request.Zone;
            return await page(request);
        }
        catch (BadQueryParameterException e)
        {
            return StatusPage.ResultFor(PageProblems.BadFilter(l, e));
        }
        catch (RpcException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            if (e.StatusCode == StatusCode.Unavailable)
            {
                http.Response.Headers.RetryAfter = Rest.RestErrors.RetryAfterSeconds;
            }

            return StatusPage.ResultFor(PageProblems.FromService(l, e));
        }
    }
}
