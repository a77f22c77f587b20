using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Backends;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Antiforgery;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// What a page handler needs about the current request: the signed-in caller, the services acting as
/// that caller, the anti-forgery field for its forms, and the viewer's time zone.
/// </summary>
public sealed class WebRequest(HttpContext http, CallerIdentity caller, ServiceBackends services, IAntiforgery antiforgery)
{
    private string? csrfField;

    private ViewerZone? zone;

    public HttpContext Http { get; } = http;

    public CallerIdentity Caller { get; } = caller;

    public ServiceBackends Services { get; } = services;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>Read when a page first needs it, so an unknown <c>tz</c> is answered 400 by the page's route.</summary>
    public ViewerZone Zone => zone ??= ViewerZone.Of(Http);

    /// <summary>The zone for the page frame; null while the query names an unknown one (the error page still renders).</summary>
    public ViewerZone? ZoneIfValid
    {
        get
        {
            try
            {
                return Zone;
            }
            catch (BadQueryParameterException)
            {
                return null;
            }
        }
    }

    /// <summary>The caller's organisation as a resource name, as the services name it.</summary>
    public string? Organisation => Caller.OrganisationId is null ? null
        : Caller.OrganisationId.StartsWith("organisations/", StringComparison.Ordinal) ? Caller.OrganisationId : $"organisations/{Caller.OrganisationId}";

    /// <summary>The hidden anti-forgery input every form carries (one token pair per request).</summary>
    public string CsrfField
    {
        get
        {
            if (csrfField is null)
            {
                var tokens = antiforgery.GetAndStoreTokens(Http);
                csrfField = $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
            }

            return csrfField;
        }
    }

    public string Query(string key) => Http.Request.Query[key].ToString().Trim();

    public static WebRequest? For(HttpContext http)
    {
        var caller = http.RequestServices.GetRequiredService<CallerClaims>().FromPrincipal(http.User);
        return caller is null ? null : new WebRequest(http, caller, http.RequestServices.GetRequiredService<ServiceBackends>(), http.RequestServices.GetRequiredService<IAntiforgery>());
    }
}
