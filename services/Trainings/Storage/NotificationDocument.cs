using CapacityHub.Trainings.Domain.Notifications;
using NodaTime;

namespace CapacityHub.Trainings.Storage;

/// <summary>Whether a notification still has to go out by e-mail.</summary>
public enum MailState
{
    /// <summary>No SMTP server was configured when it was written: in-app only.</summary>
    None = 0,
    Pending = 1,
    Sent = 2,
    /// <summary>Given up after repeated failures, or nobody to send it to.</summary>
    Failed = 3,
}

/// <summary>
/// A notification as stored: the notice, who has read it (user subjects; an audience is one organisation's
/// users or one programme's managers, a few people) and its e-mail state (the outbox).
/// </summary>
public sealed record NotificationDocument
{
    public required string Id { get; init; }
    public required NoticeKind Kind { get; init; }
    public required string Audience { get; init; }
    /// <summary>"organisation" or "managers": administrators read every programme's managers' notifications.</summary>
    public required string AudienceKind { get; init; }
    public required string Title { get; init; }
    public string Body { get; init; } = "";
    public string Subject { get; init; } = "";
    public string ProgrammeId { get; init; } = "";
    public string OrganisationId { get; init; } = "";
    public long CreatedAtUnixMs { get; init; }
    public IReadOnlyList<string> ReadBy { get; init; } = [];
    public MailState Mail { get; init; }
    public int MailAttempts { get; init; }

    public static NotificationDocument From(string id, Notice notice, Instant now, bool mail) => new()
    {
        Id = id,
        Kind = notice.Kind,
        Audience = notice.Audience.Key,
        AudienceKind = notice.Audience.IsManagers ? NotificationCollections.ManagersKind : NotificationCollections.OrganisationKind,
        Title = notice.Title,
        Body = notice.Body,
        Subject = notice.Subject,
        ProgrammeId = notice.ProgrammeId,
        OrganisationId = notice.OrganisationConcerned ?? "",
        CreatedAtUnixMs = now.ToUnixTimeMilliseconds(),
        // Managers are known by subject only (no e-mail directory): their notifications are in-app.
        Mail = mail && !notice.Audience.IsManagers ? MailState.Pending : MailState.None,
    };
}
