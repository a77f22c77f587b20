using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Notifications;
using CapacityHub.Trainings.Storage;
using Grpc.Core;
using NodaTime;

namespace CapacityHub.Trainings.Reminders;

/// <summary>
/// Writes the time-driven notifications: outcome reports not yet submitted that fall due within
/// <see cref="ReminderOptions.Ahead"/>, and nomination deadlines of open trainings within it. Each reminder
/// has a once-key, so running again (every <see cref="ReminderOptions.Interval"/>, or on another replica)
/// writes nothing new.
/// </summary>
public sealed partial class Reminders(TrainingStore trainings, OutcomeReportRepository reports, NotificationRepository notifications,
    NominatingOrganisations nominators, ReminderOptions options, TimeProvider time, ILogger<Reminders> logger) : BackgroundService
{
    private const int PageSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        do
        {
            try
            {
                var written = await RunOnceAsync(stoppingToken);
                LogRound(logger, written);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many notifications were written.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var notices = new List<Notice>();
        notices.AddRange(await ReportsDueAsync(now, ct));
        notices.AddRange(await DeadlinesAsync(now, ct));
        return await notifications.AddAsync(notices, ct);
    }

    private async Task<List<Notice>> ReportsDueAsync(Instant now, CancellationToken ct)
    {
        var today = now.InZone(OutcomeReportRepository.ReportingZone).Date;
        var window = Period.FromDays((int)Math.Ceiling(options.Ahead.TotalDays));
        var notices = new List<Notice>();
        foreach (var status in new[] { Domain.Outcomes.OutcomeReportStatus.Draft, Domain.Outcomes.OutcomeReportStatus.Returned })
        {
            string? page = null;
            do
            {
                var (items, next) = await reports.ListAsync(new OutcomeReportFilter(null, null, status), PageSize, page, ct);
                var due = items.Select(i => ReportNotices.Due(i.Value.ToDomain(), today, window)).ToList();
                notices.AddRange(due.OfType<Notice>());
                // Due-date order: once one is beyond the window, the rest are too.
                page = due.Count > 0 && due[^1] is null ? null : next;
            }
            while (page is not null);
        }

        return notices;
    }

    private async Task<List<Notice>> DeadlinesAsync(Instant now, CancellationToken ct)
    {
        var notices = new List<Notice>();
        var open = Filter.Where("status", V1.TrainingStatus.OpenForNomination.ToString());
        string? page = null;
        do
        {
            var (items, next) = await trainings.ListAsync(open, "firstStartUnixMs", PageSize, page, ct);
            foreach (var training in items.Where(t => t.NominationDeadline is not null))
            {
                var deadline = Instant.FromDateTimeOffset(training.NominationDeadline.ToDateTimeOffset());
                if (deadline <= now || deadline > now + Duration.FromTimeSpan(options.Ahead))
                {
                    continue;
                }

                try
                {
                    var organisations = await nominators.ForAsync(training, ct);
                    var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(training.Venue?.TimeZone ?? "") ?? DateTimeZone.Utc;
                    notices.AddRange(DeadlineNotices.For(training.Name, training.Title, training.Programme, deadline, zone, now,
                        Duration.FromTimeSpan(options.Ahead), organisations));
                }
                catch (RpcException e)
                {
                    // Programmes or Partners cannot say who nominates: try this training again next round.
                    LogAudienceUnknown(logger, training.Name, e.Status.Detail);
                }
            }

            page = next;
        }
        while (page is not null);
        return notices;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminders: {Written} notification(s) written")]
    private static partial void LogRound(ILogger logger, int written);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders: who may nominate to {Training} is unknown this round: {Reason}")]
    private static partial void LogAudienceUnknown(ILogger logger, string training, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception error);
}
