using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Notifications;
using CapacityHub.Trainings.Storage;
using Grpc.Core;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// Whose inbox holds what: a partner agency's users share their organisation's notifications, a programme
/// manager sees those of the managers of each programme they manage, an administrator the managers' of every
/// programme. Funders and services have no inbox.
/// </summary>
public static class NotificationAccess
{
    /// <summary>The store filter of the caller's inbox, or null when it is empty by definition (a manager of no programme).</summary>
    public static Filter? InboxOf(CallerIdentity caller) => caller.Role switch
    {
        CallerRole.PartnerAgency when TrainingsAccess.OrganisationOf(caller) is { } organisation =>
            Filter.Where("audience", Audience.Organisation(organisation).Key),
        CallerRole.ProgrammeManager when caller.ProgrammeIds.Count > 0 =>
            Filter.All.AndIn("audience", TrainingsAccess.ManagedProgrammes(caller).Select(p => (object?)Audience.Managers(p).Key)),
        CallerRole.ProgrammeManager => null,
        CallerRole.Administrator => Filter.Where("audienceKind", NotificationCollections.ManagersKind),
        _ => throw new RpcException(new Status(StatusCode.PermissionDenied,
            $"Permission denied: the role {caller.Role} has no notifications inbox (partner agencies, programme managers and administrators do).")),
    };

    public static bool Sees(CallerIdentity caller, NotificationDocument notification) => caller.Role switch
    {
        CallerRole.PartnerAgency => notification.Audience == Audience.Organisation(TrainingsAccess.OrganisationOf(caller) ?? "").Key,
        CallerRole.ProgrammeManager => TrainingsAccess.ManagedProgrammes(caller).Any(p => notification.Audience == Audience.Managers(p).Key),
        CallerRole.Administrator => notification.AudienceKind == NotificationCollections.ManagersKind,
        _ => false,
    };
}
