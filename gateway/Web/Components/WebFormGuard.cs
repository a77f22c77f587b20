using CapacityHub.Gateway.Limits;
using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Web.Components.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Components;

/// <summary>
/// Guards form posts to the Razor pages: a form larger than the gateway accepts gets the 413 page and a
/// missing or expired anti-forgery token the 400 page, both before any component or service runs.
/// </summary>
public sealed class WebFormGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IAntiforgery antiforgery, GatewayLimitsOptions limits, IStringLocalizer<UiText> l)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            await next(http);
            return;
        }

        try
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                await StatusPage.ResultFor(PageProblems.FormExpired(l)).ExecuteAsync(http);
                return;
            }
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            // Kestrel's body limit or the form reader's part limits: the same 413 the REST face gives.
            await StatusPage.ResultFor(PageProblems.TooLarge(l, limits.MaxRequestBodyBytes)).ExecuteAsync(http);
            return;
        }

        await next(http);
    }
}
