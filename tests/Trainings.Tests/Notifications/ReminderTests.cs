using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.Tests.Api;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Notifications;

/// <summary>
/// The reminders job on the running service: nomination deadlines within three days to managers and to the
/// organisations that may nominate, reports falling due to their organisation, each reminder once.
/// </summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private static readonly CallerIdentity VnReporter = new("vn-3", "VNCERT reporting officer", CallerRole.PartnerAgency, "vncert", "VN", []);

    private readonly TrainingsTestHost host = new();

    private Reminders.Reminders Reminders => host.Services.GetRequiredService<Reminders.Reminders>();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    private async Task<IReadOnlyList<Notification>> InboxAsync(CallerIdentity caller) =>
        (await host.Notifications.ListNotificationsAsync(new ListNotificationsRequest(), host.As(caller))).Notifications;

    private static Training ClosingIn(TimeSpan left, params Quota[] quotas)
    {
        var training = NewTraining(quotas: quotas);
        training.Title = $"Closing in {left.TotalDays} days";
        training.NominationDeadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + left);
        return training;
    }

    [Fact]
    public async Task ADeadlineWithinThreeDaysRemindsManagersAndTheOrganisationsItIsOpenToOnce()
    {
        var vietnamOnly = new Quota { Scope = QuotaScope.Country, Key = "VN", Seats = 5 };
        var soon = await host.OpenTrainingAsync(ClosingIn(TimeSpan.FromDays(2), vietnamOnly));
        await host.OpenTrainingAsync(ClosingIn(TimeSpan.FromDays(10)));

        var written = await Reminders.RunOnceAsync(CancellationToken.None);
        var again = await Reminders.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, written);
        Assert.Equal(0, again);
        var managers = Assert.Single(await InboxAsync(Manager), n => n.Kind == NotificationKind.NominationDeadline);
        Assert.Equal("Nominations close soon: Closing in 2 days", managers.Title);
        Assert.Equal(soon.Name, managers.Subject);
        Assert.Contains("(Asia/Tokyo)", managers.Body, StringComparison.Ordinal);
        var vn = Assert.Single(await InboxAsync(VnPartner));
        Assert.Equal(NotificationKind.NominationDeadline, vn.Kind);
        Assert.Contains("Nominate your participants", vn.Body, StringComparison.Ordinal);
        // Open to Vietnam only: ThaiCERT, also a nominating authority of the programme, is not reminded.
        Assert.Empty(await InboxAsync(ThaiPartner));
    }

    [Fact]
    public async Task AReportNotYetSubmittedIsRemindedWhenItFallsDueAndNotBefore()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var dueSoon = await CreateReportAsync(today.AddDays(2));
        await CreateReportAsync(today.AddDays(30));
        var submitted = await CreateReportAsync(today.AddDays(1));
        await host.Reports.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = submitted.Name, RequestId = Guid.NewGuid().ToString() }, host.As(VnReporter));

        Assert.Equal(1, await Reminders.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await Reminders.RunOnceAsync(CancellationToken.None));

        var due = Assert.Single(await InboxAsync(VnReporter));
        Assert.Equal(NotificationKind.ReportDue, due.Kind);
        Assert.Equal(dueSoon.Name, due.Subject);
        Assert.Contains("is due in 2 days", due.Body, StringComparison.Ordinal);
    }

    private async Task<OutcomeReport> CreateReportAsync(DateOnly due) =>
        await host.Reports.CreateOutcomeReportAsync(new CreateOutcomeReportRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            OutcomeReport = new OutcomeReport
            {
                Programme = Programme,
                PartnerOrganisation = VnCert,
                Period = new Common.V1.DateRange { StartDate = new Common.V1.Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Common.V1.Date { Year = 2026, Month = 6, Day = 30 } },
                DueDate = new Common.V1.Date { Year = due.Year, Month = due.Month, Day = due.Day },
                Narrative = "Two national exercises held.",
            },
        }, host.As(VnReporter));
}
