using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Backends;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// What a page handler needs about the current request: the signed-in caller, the services acting as
/// that caller, and the viewer's time zone.
/// </summary>
public sealed class WebRequest(HttpContext http, CallerIdentity caller, ServiceBackends services)
{
    private ViewerZone? zone;

    public HttpContext Http { get; } = http;

    public CallerIdentity Caller { get; } = caller;

    public ServiceBackends Services { get; } = services;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>Read when a page first needs it, so an unknown <c>tz</c> is answered 400 by the page's route.</summary>
    public ViewerZone Zone => zone ??= ViewerZone.Of(Http);

    /// <summary>The caller's organisation as a resource name, as the services name it.</summary>
    public string? Organisation => Caller.OrganisationId is null ? null
        : Caller.OrganisationId.StartsWith("organisations/", StringComparison.Ordinal) ? Caller.OrganisationId : $"organisations/{Caller.OrganisationId}";

    public string Query(string key) => Http.Request.Query[key].ToString().Trim();

    public static WebRequest? For(HttpContext http)
    {
        var caller = http.RequestServices.GetRequiredService<CallerClaims>().FromPrincipal(http.User);
        return caller is null ? null : new WebRequest(http, caller, http.RequestServices.GetRequiredService<ServiceBackends>());
    }
}
