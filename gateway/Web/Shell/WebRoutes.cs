using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Antiforgery;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// Maps pages so that every one is authorised by role before any service is asked: anonymous callers get
/// a 401 page with the way to sign in, other roles a 403 page (never the data). Every POST must carry a
/// valid anti-forgery token. A service refusal becomes a readable page with the matching HTTP status.
/// </summary>
public static class WebRoutes
{
    public static RouteHandlerBuilder MapPage(this IEndpointRouteBuilder endpoints, string pattern, CallerRole[] roles, Func<WebRequest, Task<IResult>> page) =>
        endpoints.MapGet(pattern, (Func<HttpContext, Task<IResult>>)(http => RunAsync(http, roles, page)));

    public static RouteHandlerBuilder MapAction(this IEndpointRouteBuilder endpoints, string pattern, CallerRole[] roles, Func<WebRequest, IFormCollection, Task<IResult>> action) =>
        endpoints.MapPost(pattern, (Func<HttpContext, Task<IResult>>)(async http =>
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            IFormCollection form;
            try
            {
                if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
                {
                    return PageLayout.Render(WebRequest.For(http), "Form expired",
                        "<p>This form could not be accepted: its security token is missing or has expired. Go back, reload the page and submit again.</p>",
                        StatusCodes.Status400BadRequest);
                }

                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
            {
                // Kestrel's body limit or the form reader's part limits: the same 413 the REST face gives.
                var limit = http.RequestServices.GetRequiredService<Limits.GatewayLimitsOptions>().MaxRequestBodyBytes;
                return PageLayout.Render(WebRequest.For(http), "Too large to send",
                    $"<p class=\"error\" role=\"alert\">This form is larger than the {limit / (1024 * 1024)} MiB the gateway accepts. Send a smaller file or split it.</p>",
                    StatusCodes.Status413PayloadTooLarge);
            }

            return await RunAsync(http, roles, request => action(request, form));
        })).DisableAntiforgery();

    private static async Task<IResult> RunAsync(HttpContext http, CallerRole[] roles, Func<WebRequest, Task<IResult>> page)
    {
        var request = WebRequest.For(http);
        if (request is null)
        {
            return PageLayout.Render(null, "Sign in first",
                "<p>This page is for signed-in users. <a href=\"/\">Sign in</a> and come back.</p>", StatusCodes.Status401Unauthorized);
        }

        if (!roles.Contains(request.Caller.Role))
        {
            return PageLayout.Render(request, "Not for your role",
                $"<p>This page is for {Html.E(string.Join(" and ", roles.Select(Html.Words)))} users; you are signed in as {Html.E(Html.Words(request.Caller.Role))}.</p>" +
                $"<p><a href=\"{PageLayout.HomeOf(request.Caller.Role)}\">Go to your start page</a></p>",
                StatusCodes.Status403Forbidden);
        }

        try
        {
            // Every page shows times in the viewer's zone somewhere: an unknown ?tz= is refused on all of them.
            _ = request.Zone;
            return await page(request);
        }
        catch (BadQueryParameterException e)
        {
            return PageLayout.Render(request, "Unknown filter value", $"<p class=\"error\" role=\"alert\">{Html.E(e.Message)}</p>", StatusCodes.Status400BadRequest);
        }
        catch (RpcException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            if (e.StatusCode == StatusCode.Unavailable)
            {
                http.Response.Headers.RetryAfter = Rest.RestErrors.RetryAfterSeconds;
            }

            return PageLayout.Render(request, e.StatusCode == StatusCode.PermissionDenied ? "Not allowed" : "Could not load this page",
                $"<p class=\"error\" role=\"alert\">{Html.E(ServiceErrors.Describe(e))}</p>", ServiceErrors.HttpStatus(e));
        }
    }
}
