namespace CapacityHub.Trainings.Domain.Notifications;

public enum NoticeKind
{
    NominationsReceived = 1,
    NominationDecided = 2,
    ReportSubmitted = 3,
    ReportApproved = 4,
    ReportReturned = 5,
    ReportDue = 6,
    NominationDeadline = 7,
}

/// <summary>Who a notice is for: every user of one organisation, or the managers of one programme.</summary>
public sealed record Audience(string Key)
{
    private const string OrganisationPrefix = "organisation:";
    private const string ManagersPrefix = "managers:";

    public static Audience Organisation(string organisationId) => new(OrganisationPrefix + organisationId);

    public static Audience Managers(string programmeId) => new(ManagersPrefix + programmeId);

    /// <summary>The organisation addressed, or null for a programme's managers.</summary>
    public string? OrganisationId => Key.StartsWith(OrganisationPrefix, StringComparison.Ordinal) ? Key[OrganisationPrefix.Length..] : null;

    public bool IsManagers => Key.StartsWith(ManagersPrefix, StringComparison.Ordinal);
}

/// <summary>
/// Something a user must act on or has been told, in words without ids (screens and e-mails name things;
/// <see cref="Organisation"/> carries the organisation concerned for them to name). <see cref="OnceKey"/> makes
/// a reminder idempotent: a second notice with the same key is not written.
/// </summary>
public sealed record Notice(NoticeKind Kind, Audience Audience, string Title, string Body, string Subject, string ProgrammeId, string? OnceKey = null, string? Organisation = null)
{
    /// <summary>The organisation the notice concerns: the one addressed, or the one named by the notice.</summary>
    public string? OrganisationConcerned => Organisation ?? Audience.OrganisationId;
}
