using System.Security.Cryptography;
using System.Text;
using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Notifications;
using CapacityHub.Trainings.Mail;
using NodaTime;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Inboxes and the e-mail outbox. Notices are written in the transaction of the change they report (so a
/// decision and its notification commit together), or on their own for reminders.
/// </summary>
public sealed class NotificationRepository(IDocumentStore store, SmtpOptions smtp, TimeProvider time)
{
    /// <summary>How many of the newest notifications the unread count looks at.</summary>
    public const int UnreadCountLimit = 1000;

    private IDocumentCollection<NotificationDocument> Notifications => store.Collection(NotificationCollections.Notifications);

    /// <summary>Writes the notices inside <paramref name="tx"/>; one with a once-key already written is skipped.</summary>
    public async Task<int> WriteAsync(ITransaction tx, IEnumerable<Notice> notices, CancellationToken ct)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var written = 0;
        var collection = tx.Collection(NotificationCollections.Notifications);
        foreach (var notice in notices)
        {
            var id = notice.OnceKey is { } key ? IdOf(key) : Guid.NewGuid().ToString("N");
            if (notice.OnceKey is not null && await collection.GetAsync(id, ct) is not null)
            {
                continue;
            }

            await collection.InsertAsync(NotificationDocument.From(id, notice, now, smtp.IsConfigured), ct);
            written++;
        }

        return written;
    }

    /// <summary>Writes notices in a transaction of their own (reminders).</summary>
    public Task<int> AddAsync(IReadOnlyList<Notice> notices, CancellationToken ct) =>
        notices.Count == 0 ? Task.FromResult(0) : store.TransactAsync((tx, token) => WriteAsync(tx, notices, token), ct);

    public async Task<Page<NotificationDocument>> ListAsync(Filter inbox, int limit, string? after, CancellationToken ct) =>
        await Notifications.FindAsync(new Query { Filter = inbox, OrderBy = "createdAtUnixMs", Descending = true, Limit = limit, After = after }, ct);

    public async Task<int> UnreadCountAsync(Filter inbox, string reader, CancellationToken ct)
    {
        var newest = await ListAsync(inbox, UnreadCountLimit, null, ct);
        return newest.Items.Count(n => !n.Value.ReadBy.Contains(reader));
    }

    public Task<Document<NotificationDocument>?> FindAsync(string id, CancellationToken ct) => Notifications.GetAsync(id, ct);

    /// <summary>Adds the reader to each notification's readers; returns how many were unread for them.</summary>
    public Task<int> MarkReadAsync(IReadOnlyList<string> ids, string reader, CancellationToken ct) =>
        store.TransactAsync(
            async (tx, token) =>
            {
                var collection = tx.Collection(NotificationCollections.Notifications);
                var marked = 0;
                foreach (var id in ids.Distinct())
                {
                    if (await collection.GetAsync(id, token) is { } stored && !stored.Value.ReadBy.Contains(reader))
                    {
                        await collection.ReplaceAsync(stored.Value with { ReadBy = [.. stored.Value.ReadBy, reader] }, stored.Version, token);
                        marked++;
                    }
                }

                return marked;
            },
            ct);

    /// <summary>The oldest notifications still to be e-mailed.</summary>
    public async Task<IReadOnlyList<Document<NotificationDocument>>> PendingMailAsync(int limit, CancellationToken ct) =>
        (await Notifications.FindAsync(new Query { Filter = Filter.Where("mail", MailState.Pending), OrderBy = "createdAtUnixMs", Limit = limit }, ct)).Items;

    public async Task RecordMailAsync(Document<NotificationDocument> notification, MailState state, CancellationToken ct)
    {
        var value = notification.Value with { Mail = state, MailAttempts = notification.Value.MailAttempts + 1 };
        try
        {
            await Notifications.ReplaceAsync(value, notification.Version, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Read meanwhile (ReadBy changed): record the mail state on the current version.
            if (await Notifications.GetAsync(notification.Id, ct) is { } current)
            {
                await Notifications.ReplaceAsync(current.Value with { Mail = state, MailAttempts = value.MailAttempts }, current.Version, ct);
            }
        }
    }

    private static string IdOf(string onceKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(onceKey)))[..32];
}
