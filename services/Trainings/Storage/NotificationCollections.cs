using CapacityHub.Storage;

namespace CapacityHub.Trainings.Storage;

/// <summary>Notifications, newest first per audience; the e-mail outbox by state.</summary>
public static class NotificationCollections
{
    public const string OrganisationKind = "organisation";
    public const string ManagersKind = "managers";

    public static readonly CollectionSpec<NotificationDocument> Notifications =
        CollectionSpec.For<NotificationDocument>("notifications", n => n.Id)
            .Index("byAudience", "audience", "createdAtUnixMs")
            .Index("byAudienceKind", "audienceKind", "createdAtUnixMs")
            .Index("byMail", "mail", "createdAtUnixMs");

    public static IReadOnlyList<CollectionSpec> All => [Notifications];
}
