using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Pages.Inbox;

/// <summary>Where a notification is acted on, for the kind of user reading it (arrived nominations: the queue).</summary>
public static class InboxLinks
{
    public static string? For(Notification notification, CallerRole role)
    {
        var parts = notification.Subject.Split('/');
        var manager = role is CallerRole.ProgrammeManager or CallerRole.Administrator;
        return parts switch
        {
            ["trainings", var t, ..] when manager && notification.Kind == NotificationKind.NominationsReceived => $"/manager/nominations?training={Uri.EscapeDataString(t)}",
            ["trainings", var t] => manager ? $"/manager/trainings/{t}" : "/partner/trainings",
            ["trainings", var t, "nominations", _] => manager ? $"/manager/nominations?training={Uri.EscapeDataString(t)}" : "/partner/nominations",
            ["outcomeReports", var r] => manager ? "/manager/reports" : $"/partner/reports/{r}",
            _ => null,
        };
    }
}
