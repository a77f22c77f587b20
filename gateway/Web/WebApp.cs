using CapacityHub.Gateway.Web.Funder;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Partner;
using CapacityHub.Gateway.Web.Shell;

namespace CapacityHub.Gateway.Web;

/// <summary>The server-rendered web app: landing page, assets, and the screens of each kind of user.</summary>
public static class WebApp
{
    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWebAssets();
        endpoints.MapHomePage();
        endpoints.MapManagerPages();
        endpoints.MapPartnerPages();
        endpoints.MapFunderPages();
        return endpoints;
    }
}
