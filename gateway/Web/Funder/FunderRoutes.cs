using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>The funder's screens.</summary>
public static class FunderRoutes
{
    private static readonly CallerRole[] Funders = [CallerRole.Funder];

    public static IEndpointRouteBuilder MapFunderPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPage("/funder/impact/stream", Funders, ImpactStream.StreamAsync);
        endpoints.MapPage("/funder/impact.csv", Funders, ImpactExport.CsvAsync);
        return endpoints;
    }
}
