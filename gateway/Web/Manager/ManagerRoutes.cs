using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>The programme manager's screens (administrators may use them too).</summary>
public static class ManagerRoutes
{
    private static readonly CallerRole[] Managers = [CallerRole.ProgrammeManager, CallerRole.Administrator];

    public static IEndpointRouteBuilder MapManagerPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAction("/manager/trainings/{id}/conflicts", Managers, (r, f) => TrainingConflicts.ConflictsAsync(r, Route(r), f));
        return endpoints;
    }

    private static string Route(WebRequest request) => request.Http.GetRouteValue("id")?.ToString() ?? "";
}
