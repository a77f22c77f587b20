using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Web.Partner;

/// <summary>The partner agency's screens.</summary>
public static class PartnerRoutes
{
    private static readonly CallerRole[] Partners = [CallerRole.PartnerAgency];

    public static IEndpointRouteBuilder MapPartnerPages(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }

    private static string Route(WebRequest request) => request.Http.GetRouteValue("id")?.ToString() ?? "";
}
