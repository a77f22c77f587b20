using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>The screens each kind of user reaches from the main navigation.</summary>
public static class WebNavigation
{
    public static IReadOnlyList<(string Href, string Text)> LinksFor(CallerRole role) => role switch
    {
        CallerRole.ProgrammeManager or CallerRole.Administrator =>
        [
            ("/manager", "Your work"),
            ("/manager/programmes", "Programmes"),
            ("/manager/calendar", "Calendar"),
            ("/manager/schedule", "Schedule a training"),
            ("/manager/nominations", "Nominations"),
            ("/manager/reports", "Outcome reports"),
            ("/inbox", "Inbox"),
        ],
        CallerRole.PartnerAgency =>
        [
            ("/partner", "Your work"),
            ("/partner/trainings", "Open trainings"),
            ("/partner/nominations", "Our participants"),
            ("/partner/reports", "Outcome reports"),
            ("/inbox", "Inbox"),
        ],
        CallerRole.Funder => [("/funder/impact", "Impact dashboard")],
        _ => [],
    };

    /// <summary>The first page of each kind of user, where the home page sends them.</summary>
    public static string HomeOf(CallerRole role) => LinksFor(role) is { Count: > 0 } links ? links[0].Href : "/";
}
