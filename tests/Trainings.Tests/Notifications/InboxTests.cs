using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.Tests.Api;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Notifications;

/// <summary>
/// Notifications through real gRPC on the service as Program.cs wires it: who is told what when nominations
/// arrive and are decided, whose inbox holds what, read marks per user, paging and bad requests.
/// </summary>
public sealed class InboxTests : IAsyncLifetime
{
    // Outcome reports name the reporting organisation by its bare id in the caller token, as the gateway mints it.
    private static readonly CallerIdentity VnReporter = new("vn-3", "VNCERT reporting officer", CallerRole.PartnerAgency, "vncert", "VN", []);

    private static readonly CallerIdentity VnColleague = new("vn-2", "Second VNCERT user", CallerRole.PartnerAgency, VnCert, "VN", []);

    private readonly TrainingsTestHost host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    private async Task<ListNotificationsResponse> InboxAsync(CallerIdentity caller, bool unreadOnly = false, int pageSize = 0, string pageToken = "") =>
        await host.Notifications.ListNotificationsAsync(new ListNotificationsRequest { UnreadOnly = unreadOnly, PageSize = pageSize, PageToken = pageToken }, host.As(caller));

    private static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }

    [Fact]
    public async Task ManagersAreToldOfNominationsAndTheNominatingOrganisationOfDecisionsOnly()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var linh = await host.NominateAsync(training, "linh@vncert.example");
        var kanya = await host.NominateAsync(training, "kanya@thaicert.example", ThaiPartner, ThaiCert, "TH");

        await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = linh.Name }, host.As(Manager));
        await host.Nominations.DeclineNominationAsync(new ChangeNominationStatusRequest { Name = kanya.Name, Reason = "Quota for Thailand is full." }, host.As(Manager));

        var managers = await InboxAsync(Manager);
        Assert.Equal(2, managers.Notifications.Count(n => n.Kind == NotificationKind.NominationsReceived));
        Assert.Contains(managers.Notifications, n => n.Title == "New nomination for ICS Security Fundamentals: linh" && n.Subject == training.Name);
        Assert.DoesNotContain(managers.Notifications, n => n.Kind == NotificationKind.NominationDecided);
        Assert.Empty((await InboxAsync(OtherManager)).Notifications);

        var vn = Assert.Single((await InboxAsync(VnPartner)).Notifications);
        Assert.Equal(NotificationKind.NominationDecided, vn.Kind);
        Assert.Equal("Nomination approved: linh, ICS Security Fundamentals", vn.Title);
        Assert.Equal(linh.Name, vn.Subject);
        Assert.Equal(VnCert, vn.Organisation);
        Assert.DoesNotContain("kanya", vn.Body, StringComparison.Ordinal);

        var thai = Assert.Single((await InboxAsync(ThaiPartner)).Notifications);
        Assert.Equal("Nomination declined: kanya, ICS Security Fundamentals", thai.Title);
        Assert.Contains("Quota for Thailand is full.", thai.Body, StringComparison.Ordinal);

        // The administrator reads every programme's managers' notifications, and no organisation's.
        var admin = await InboxAsync(Admin);
        Assert.Equal(2, admin.Notifications.Count);
        Assert.All(admin.Notifications, n => Assert.Equal(NotificationKind.NominationsReceived, n.Kind));
    }

    [Fact]
    public async Task ABulkDecisionIsOneNotificationListingEveryone()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var people = new List<Nomination>();
        for (var i = 0; i < 3; i++)
        {
            people.Add(await host.NominateAsync(training, $"p{i}@vncert.example"));
        }

        var batch = new BatchDecideNominationsRequest { Parent = training.Name, Decision = NominationDecision.Approve };
        batch.Names.AddRange(people.Select(p => p.Name));
        await host.Nominations.BatchDecideNominationsAsync(batch, host.As(Manager));

        var decided = Assert.Single((await InboxAsync(VnPartner)).Notifications, n => n.Kind == NotificationKind.NominationDecided);
        Assert.Equal("3 nominations approved for ICS Security Fundamentals", decided.Title);
        Assert.Equal(training.Name, decided.Subject);
        Assert.All(["p0", "p1", "p2"], name => Assert.Contains("- " + name, decided.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadMarksBelongToEachUserAndOtherInboxesAreNotFound()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var linh = await host.NominateAsync(training, "linh@vncert.example");
        var kanya = await host.NominateAsync(training, "kanya@thaicert.example", ThaiPartner, ThaiCert, "TH");
        await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = linh.Name }, host.As(Manager));
        await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = kanya.Name }, host.As(Manager));
        var mine = Assert.Single((await InboxAsync(VnPartner)).Notifications);
        var theirs = Assert.Single((await InboxAsync(ThaiPartner)).Notifications);
        Assert.False(mine.Read);

        var marked = await host.Notifications.MarkNotificationsReadAsync(new MarkNotificationsReadRequest { Names = { mine.Name } }, host.As(VnPartner));
        var again = await host.Notifications.MarkNotificationsReadAsync(new MarkNotificationsReadRequest { Names = { mine.Name } }, host.As(VnPartner));

        Assert.Equal(1, marked.Marked);
        Assert.Equal(0, again.Marked);
        var afterwards = await InboxAsync(VnPartner);
        Assert.True(Assert.Single(afterwards.Notifications).Read);
        Assert.Equal(0, afterwards.UnreadCount);
        Assert.Empty((await InboxAsync(VnPartner, unreadOnly: true)).Notifications);
        // The same organisation's other user has not read it.
        var colleague = await InboxAsync(VnColleague, unreadOnly: true);
        Assert.Equal(1, colleague.UnreadCount);
        Assert.False(Assert.Single(colleague.Notifications).Read);

        var other = await Fails(StatusCode.NotFound, () => host.Notifications.MarkNotificationsReadAsync(
            new MarkNotificationsReadRequest { Names = { theirs.Name } }, host.As(VnPartner)).ResponseAsync);
        Assert.Contains(theirs.Name, other.Status.Detail, StringComparison.Ordinal);
        Assert.False(Assert.Single((await InboxAsync(ThaiPartner)).Notifications).Read);

        var all = await host.Notifications.MarkNotificationsReadAsync(new MarkNotificationsReadRequest { All = true }, host.As(VnColleague));
        Assert.Equal(1, all.Marked);
    }

    [Fact]
    public async Task PagesAreNewestFirstWithTokensAndBadRequestsNameTheField()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        for (var i = 0; i < 3; i++)
        {
            await host.NominateAsync(training, $"n{i}@vncert.example");
        }

        var first = await InboxAsync(Manager, pageSize: 2);
        var second = await InboxAsync(Manager, pageSize: 2, pageToken: first.NextPageToken);

        Assert.Equal(["New nomination for ICS Security Fundamentals: n2", "New nomination for ICS Security Fundamentals: n1"], first.Notifications.Select(n => n.Title));
        Assert.Equal("New nomination for ICS Security Fundamentals: n0", Assert.Single(second.Notifications).Title);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(3, first.UnreadCount);

        var size = await Fails(StatusCode.InvalidArgument, () => InboxAsync(Manager, pageSize: 101));
        Assert.Contains("page_size", size.Status.Detail, StringComparison.Ordinal);
        var token = await Fails(StatusCode.InvalidArgument, () => InboxAsync(Manager, pageToken: "not-a-token"));
        Assert.Contains("page_token", token.Status.Detail + string.Join(' ', token.Trailers.Select(t => t.Key)), StringComparison.Ordinal);
        var neither = await Fails(StatusCode.InvalidArgument, () => host.Notifications.MarkNotificationsReadAsync(new MarkNotificationsReadRequest(), host.As(Manager)).ResponseAsync);
        Assert.Contains("names", neither.Status.Detail, StringComparison.Ordinal);
        var badName = await Fails(StatusCode.InvalidArgument, () => host.Notifications.MarkNotificationsReadAsync(
            new MarkNotificationsReadRequest { Names = { "trainings/x" } }, host.As(Manager)).ResponseAsync);
        Assert.Contains("names[0]", badName.Status.Detail, StringComparison.Ordinal);
        await Fails(StatusCode.PermissionDenied, () => InboxAsync(Funder));
    }

    [Fact]
    public async Task SubmittingReturningAndApprovingAReportTellsTheOtherSide()
    {
        var report = await host.Reports.CreateOutcomeReportAsync(new CreateOutcomeReportRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            OutcomeReport = new OutcomeReport
            {
                Programme = Programme,
                PartnerOrganisation = VnCert,
                Period = new Common.V1.DateRange { StartDate = new Common.V1.Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Common.V1.Date { Year = 2026, Month = 6, Day = 30 } },
                DueDate = new Common.V1.Date { Year = 2099, Month = 7, Day = 31 },
                Narrative = "Two national exercises held.",
            },
        }, host.As(VnReporter));
        Assert.Empty((await InboxAsync(Manager)).Notifications);

        report = await host.Reports.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = report.Name, RequestId = Guid.NewGuid().ToString() }, host.As(VnReporter));
        var toReview = Assert.Single((await InboxAsync(Manager)).Notifications);
        Assert.Equal(NotificationKind.ReportSubmitted, toReview.Kind);
        Assert.Equal("Outcome report to review: 1 January 2026 – 30 June 2026", toReview.Title);
        Assert.Equal(VnCert, toReview.Organisation);
        Assert.Equal(report.Name, toReview.Subject);

        report = await host.Reports.ReturnOutcomeReportAsync(new ReviewOutcomeReportRequest { Name = report.Name, Reason = "Add the sex breakdown, please." }, host.As(Manager));
        var returned = Assert.Single((await InboxAsync(VnReporter)).Notifications);
        Assert.Equal(NotificationKind.ReportReturned, returned.Kind);
        Assert.Contains("Add the sex breakdown, please.", returned.Body, StringComparison.Ordinal);

        report = await host.Reports.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = report.Name, RequestId = Guid.NewGuid().ToString() }, host.As(VnReporter));
        await host.Reports.ApproveOutcomeReportAsync(new ReviewOutcomeReportRequest { Name = report.Name }, host.As(Manager));
        var partner = await InboxAsync(VnReporter);
        Assert.Equal([NotificationKind.ReportApproved, NotificationKind.ReportReturned], partner.Notifications.Select(n => n.Kind));
        Assert.Equal(2, (await InboxAsync(Manager)).Notifications.Count);
        Assert.Empty((await InboxAsync(ThaiPartner)).Notifications);
    }
}
