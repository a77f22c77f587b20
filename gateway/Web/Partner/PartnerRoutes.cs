using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Web.Partner;

/// <summary>The partner agency's screens.</summary>
public static class PartnerRoutes
{
    private static readonly CallerRole[] Partners = [CallerRole.PartnerAgency];

    public static IEndpointRouteBuilder MapPartnerPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPage("/partner/trainings/{id}", Partners, r => PartnerTrainingPage.ShowAsync(r, Route(r)));
        endpoints.MapAction("/partner/trainings/{id}/nominate", Partners, (r, f) => PartnerTrainingPage.NominateAsync(r, Route(r), f));
        endpoints.MapAction("/partner/trainings/{id}/nominations/upload", Partners, (r, f) => PartnerTrainingPage.UploadAsync(r, Route(r), f));
        endpoints.MapAction("/partner/trainings/{id}/nominations", Partners, (r, f) => PartnerTrainingPage.ChangeAsync(r, Route(r), f));
        endpoints.MapAction("/partner/trainings/{id}/results", Partners, (r, f) => PartnerTrainingPage.RecordResultsAsync(r, Route(r), f));
        return endpoints;
    }

    private static string Route(WebRequest request) => request.Http.GetRouteValue("id")?.ToString() ?? "";
}
