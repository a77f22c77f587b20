using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>The programme manager's screens (administrators may use them too).</summary>
public static class ManagerRoutes
{
    private static readonly CallerRole[] Managers = [CallerRole.ProgrammeManager, CallerRole.Administrator];

    public static IEndpointRouteBuilder MapManagerPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPage("/manager/trainings/{id}", Managers, r => TrainingPage.ShowAsync(r, Route(r)));
        endpoints.MapAction("/manager/trainings/{id}/days", Managers, (r, f) => TrainingPage.AddDayAsync(r, Route(r), f));
        endpoints.MapAction("/manager/trainings/{id}/days/remove", Managers, (r, f) => TrainingPage.RemoveDayAsync(r, Route(r), f));
        endpoints.MapAction("/manager/trainings/{id}/status", Managers, (r, f) => TrainingPage.ChangeStatusAsync(r, Route(r), f));
        endpoints.MapAction("/manager/trainings/{id}/conflicts", Managers, (r, f) => TrainingPage.ConflictsAsync(r, Route(r), f));
        return endpoints;
    }

    private static string Route(WebRequest request) => request.Http.GetRouteValue("id")?.ToString() ?? "";
}
