using CapacityHub.Trainings.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CapacityHub.Trainings.Mail;

/// <summary>
/// Sends the outbox: every notification addressed to an organisation, written while an SMTP server was
/// configured, goes to that organisation's focal points once. A failed attempt is retried on the next round,
/// up to <see cref="SmtpOptions.MaxAttempts"/>; an organisation without a contact is recorded as failed.
/// Runs only when <c>Notifications:Smtp:Host</c> is set.
/// </summary>
public sealed partial class NotificationMailer(NotificationRepository notifications, MailRecipients recipients, SmtpOptions smtp, ILogger<NotificationMailer> logger)
    : BackgroundService
{
    private const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(smtp.PollInterval);
        do
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SendPendingAsync(CancellationToken ct)
    {
        foreach (var notification in await notifications.PendingMailAsync(Batch, ct))
        {
            var value = notification.Value;
            try
            {
                var (organisation, to) = await recipients.ForAsync(value.OrganisationId, value.Kind, ct);
                if (to.Count == 0)
                {
                    LogNoRecipient(logger, value.Id, organisation);
                    await notifications.RecordMailAsync(notification, MailState.Failed, ct);
                    continue;
                }

                await SendAsync(Message(value, organisation, to), ct);
                await notifications.RecordMailAsync(notification, MailState.Sent, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var last = value.MailAttempts + 1 >= smtp.MaxAttempts;
                LogSendFailed(logger, value.Id, value.MailAttempts + 1, last, e.Message);
                await notifications.RecordMailAsync(notification, last ? MailState.Failed : MailState.Pending, ct);
            }
        }
    }

    private MimeMessage Message(NotificationDocument notification, string organisation, IReadOnlyList<Partners.V1.Contact> to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var contact in to)
        {
            message.To.Add(new MailboxAddress(contact.FullName, contact.Email));
        }

        message.Subject = $"[CapacityHub] {notification.Title}";
        message.Body = new TextPart("plain")
        {
            Text = $"{notification.Title}\n\n{notification.Body}\n\n"
                + $"You receive this as a focal point of {organisation}. Sign in to CapacityHub to see it in your inbox.\n",
        };
        return message;
    }

    private async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (smtp.UserName.Length > 0)
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id}: {Organisation} has no focal point with an e-mail address; not e-mailed")]
    private static partial void LogNoRecipient(ILogger logger, string id, string organisation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id}: e-mail attempt {Attempt} failed (given up: {GivenUp}): {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string id, int attempt, bool givenUp, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the notification outbox failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception error);
}
