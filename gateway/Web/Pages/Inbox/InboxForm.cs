namespace CapacityHub.Gateway.Web.Pages.Inbox;

/// <summary>Marks one notification read, or all of the reader's when <see cref="Notification"/> is empty.</summary>
public sealed class InboxForm
{
    public string? Notification { get; set; }
}
