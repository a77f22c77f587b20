using CapacityHub.Common.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.Trainings.Tests.Api.TrainingsServiceHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>
/// OutcomeReportService through real gRPC on the service as Program.cs wires it: the workflow with every
/// transition, the approval lock, etags, request ids, validation and who may do what.
/// </summary>
public sealed class OutcomeReportWorkflowTests : IAsyncLifetime
{
    private readonly TrainingsServiceHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private OutcomeReportService.OutcomeReportServiceClient Reports => new(_host.Channel);

    private static OutcomeReport NewReport(string programme = Programme, string partner = Partner, int dueYear = 2099) => new()
    {
        Programme = programme,
        PartnerOrganisation = partner,
        Period = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2026, Month = 6, Day = 30 } },
        DueDate = new Date { Year = dueYear, Month = 7, Day = 31 },
        Narrative = "Two national exercises held.",
        IndicatorValues = { new IndicatorValue { ResultId = "r-1", IndicatorId = "ind-1", Value = 12, Female = 5, Male = 7 } },
        EvidenceLinks = { "https://vncert.example/exercise-2026" },
    };

    private Task<OutcomeReport> CreateAsync(CallerIdentity? caller = null, OutcomeReport? report = null, string? requestId = null) =>
        Reports.CreateOutcomeReportAsync(
            new CreateOutcomeReportRequest { OutcomeReport = report ?? NewReport(), RequestId = requestId ?? Guid.NewGuid().ToString() },
            _host.As(caller ?? PartnerAgency)).ResponseAsync;

    private Task<OutcomeReport> SubmitAsync(OutcomeReport report, string? requestId = null, CallerIdentity? caller = null) =>
        Reports.SubmitOutcomeReportAsync(
            new SubmitOutcomeReportRequest { Name = report.Name, Etag = report.Etag, RequestId = requestId ?? Guid.NewGuid().ToString() },
            _host.As(caller ?? PartnerAgency)).ResponseAsync;

    private Task<OutcomeReport> ReviewAsync(
        Func<ReviewOutcomeReportRequest, CallOptions, Task<OutcomeReport>> verb, OutcomeReport report, string reason = "", CallerIdentity? caller = null) =>
        verb(new ReviewOutcomeReportRequest { Name = report.Name, Etag = report.Etag, Reason = reason }, _host.As(caller ?? Manager));

    private Task<OutcomeReport> Approve(OutcomeReport r, CallerIdentity? caller = null) => ReviewAsync((q, o) => Reports.ApproveOutcomeReportAsync(q, o).ResponseAsync, r, "", caller);

    private Task<OutcomeReport> Return(OutcomeReport r, string reason) => ReviewAsync((q, o) => Reports.ReturnOutcomeReportAsync(q, o).ResponseAsync, r, reason);

    private Task<OutcomeReport> Reopen(OutcomeReport r, string reason) => ReviewAsync((q, o) => Reports.ReopenOutcomeReportAsync(q, o).ResponseAsync, r, reason);

    private Task<OutcomeReport> UpdateNarrativeAsync(OutcomeReport report, string narrative, CallerIdentity? caller = null) =>
        Reports.UpdateOutcomeReportAsync(
            new UpdateOutcomeReportRequest
            {
                OutcomeReport = new OutcomeReport { Name = report.Name, Etag = report.Etag, Narrative = narrative },
                UpdateMask = new FieldMask { Paths = { "narrative" } },
            },
            _host.As(caller ?? PartnerAgency)).ResponseAsync;

    private static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }

    [Fact]
    public async Task NarrativesOverTenThousandCharactersAndControlCharactersAreRefusedNamingTheField()
    {
        var tooLong = NewReport();
        tooLong.Narrative = new string('x', 10_001);
        var withNul = NewReport();
        withNul.Narrative = "Held\u0000twice";

        var longError = await Fails(StatusCode.InvalidArgument, () => CreateAsync(report: tooLong));
        var nulError = await Fails(StatusCode.InvalidArgument, () => CreateAsync(report: withNul));
        var twoLines = NewReport();
        twoLines.Narrative = "Line one.\nLine two.";
        var multiLine = await CreateAsync(report: twoLines);

        Assert.Contains(longError.FieldViolations(), v => v.Field.EndsWith("narrative", StringComparison.Ordinal) && v.Description.Contains("10000", StringComparison.Ordinal));
        Assert.Contains(nulError.FieldViolations(), v => v.Field.EndsWith("narrative", StringComparison.Ordinal));
        Assert.Equal("Line one.\nLine two.", multiLine.Narrative);
    }

    [Fact]
    public async Task ADraftIsThePartnersOwnUntilSubmitted()
    {
        var draft = await CreateAsync();

        var hidden = await Fails(StatusCode.PermissionDenied, () => Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = draft.Name }, _host.As(Manager)).ResponseAsync);
        var listedBefore = await Reports.ListOutcomeReportsAsync(new ListOutcomeReportsRequest { Programme = Programme }, _host.As(Manager));
        var own = await Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = draft.Name }, _host.As(PartnerAgency));
        await SubmitAsync(draft);
        var seen = await Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = draft.Name }, _host.As(Manager));

        Assert.Contains("draft", hidden.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(listedBefore.OutcomeReports, r => r.Name == draft.Name);
        Assert.Equal(draft.Name, own.Name);
        Assert.Equal(draft.Name, seen.Name);
    }

    [Fact]
    public async Task ReportGoesThroughDraftSubmittedReturnedSubmittedApprovedAndReopenedWithItsHistory()
    {
        var draft = await CreateAsync();
        Assert.Equal(V1.OutcomeReportStatus.Draft, draft.Status);
        Assert.StartsWith("outcomeReports/", draft.Name, StringComparison.Ordinal);
        Assert.Equal("r-1", draft.IndicatorValues[0].ResultId);
        Assert.Equal(5, draft.IndicatorValues[0].Female);
        Assert.Null(draft.FirstSubmitTime);

        var edited = await UpdateNarrativeAsync(draft, "Three national exercises held.");
        Assert.Equal("Three national exercises held.", edited.Narrative);
        Assert.Single(edited.IndicatorValues); // outside the mask: kept
        Assert.NotEqual(draft.Etag, edited.Etag);

        var submitted = await SubmitAsync(edited);
        Assert.Equal(V1.OutcomeReportStatus.Submitted, submitted.Status);
        Assert.NotNull(submitted.FirstSubmitTime);

        var returned = await Return(submitted, "Add the attendance sheets.");
        Assert.Equal(V1.OutcomeReportStatus.Returned, returned.Status);
        var fixedUp = await UpdateNarrativeAsync(returned, "Three exercises; sheets attached.");
        var resubmitted = await SubmitAsync(fixedUp);
        Assert.Equal(submitted.FirstSubmitTime, resubmitted.FirstSubmitTime); // on-time is judged by the first submission

        var approved = await Approve(resubmitted);
        Assert.Equal(V1.OutcomeReportStatus.Approved, approved.Status);

        var reopened = await Reopen(approved, "Indicator ind-1 was double counted.");
        Assert.Equal(V1.OutcomeReportStatus.Draft, reopened.Status);
        Assert.Equal(
            ["created", "updated", "submitted", "returned", "updated", "submitted", "approved", "reopened"],
            reopened.History.Select(h => h.Action));
        Assert.Equal("Add the attendance sheets.", reopened.History[3].Note);
        Assert.Equal(Manager.Subject, reopened.History[^1].Actor);
        Assert.Equal(reopened, await Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = draft.Name }, _host.As(PartnerAgency)));
    }

    [Fact]
    public async Task ApprovedReportIsLockedUntilReopened()
    {
        var approved = await Approve(await SubmitAsync(await CreateAsync()));

        var edit = await Fails(StatusCode.FailedPrecondition, () => UpdateNarrativeAsync(approved, "changed afterwards"));
        Assert.Contains("approved and read-only", edit.Detail, StringComparison.Ordinal);
        var again = await Fails(StatusCode.FailedPrecondition, () => SubmitAsync(approved));
        Assert.Contains("approved cannot become submitted", again.Detail, StringComparison.Ordinal);
        await Fails(StatusCode.FailedPrecondition, () => Return(approved, "too late"));

        var stored = await Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = approved.Name }, _host.As(Manager));
        Assert.Equal(approved.Narrative, stored.Narrative);
        Assert.Equal(approved.Etag, stored.Etag);
    }

    [Fact]
    public async Task IllegalTransitionsAreRefusedWithAReadableReason()
    {
        var draft = await CreateAsync();

        Assert.Contains("draft cannot become approved", (await Fails(StatusCode.FailedPrecondition, () => Approve(draft))).Detail, StringComparison.Ordinal);
        Assert.Contains("draft cannot become returned", (await Fails(StatusCode.FailedPrecondition, () => Return(draft, "why"))).Detail, StringComparison.Ordinal);
        Assert.Contains("Only approved reports are reopened", (await Fails(StatusCode.FailedPrecondition, () => Reopen(draft, "why"))).Detail, StringComparison.Ordinal);

        var submitted = await SubmitAsync(draft);
        var edit = await Fails(StatusCode.FailedPrecondition, () => UpdateNarrativeAsync(submitted, "sneaky"));
        Assert.Contains("waiting for review", edit.Detail, StringComparison.Ordinal);
        var noReason = await Fails(StatusCode.InvalidArgument, () => Return(submitted, " "));
        Assert.Contains("reason", noReason.FieldViolations().Select(v => v.Field));

        var emptyReport = NewReport();
        emptyReport.Narrative = "";
        emptyReport.IndicatorValues.Clear();
        var nothing = await CreateAsync(report: emptyReport);
        Assert.Contains("at least one indicator value or a narrative", (await Fails(StatusCode.FailedPrecondition, () => SubmitAsync(nothing))).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleEtagIsAbortedAndChangesNothing()
    {
        var draft = await CreateAsync();
        var edited = await UpdateNarrativeAsync(draft, "first edit");

        await Fails(StatusCode.Aborted, () => UpdateNarrativeAsync(draft, "edit from a stale copy"));
        await Fails(StatusCode.Aborted, () => SubmitAsync(draft));

        var stored = await Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = draft.Name }, _host.As(PartnerAgency));
        Assert.Equal("first edit", stored.Narrative);
        Assert.Equal(V1.OutcomeReportStatus.Draft, stored.Status);
        Assert.Equal(edited.Etag, stored.Etag);
    }

    [Fact]
    public async Task RetriedCreateAndSubmitReturnTheFirstResult()
    {
        var first = await CreateAsync(requestId: "create-1");
        var retry = await CreateAsync(requestId: "create-1");
        Assert.Equal(first.Name, retry.Name);
        var list = await Reports.ListOutcomeReportsAsync(new ListOutcomeReportsRequest { Programme = Programme }, _host.As(PartnerAgency));
        Assert.Single(list.OutcomeReports);

        var submitted = await SubmitAsync(first, "submit-1");
        var resubmitted = await SubmitAsync(first, "submit-1"); // stale etag and already submitted: still the first answer
        Assert.Equal(submitted.Name, resubmitted.Name);
        Assert.Equal(V1.OutcomeReportStatus.Submitted, resubmitted.Status);
        Assert.Single(resubmitted.History, h => h.Action == "submitted");

        // Reporting discipline counted the report once: one expected, one received.
        var metrics = await new ImpactService.ImpactServiceClient(_host.Channel).GetImpactMetricsAsync(
            new GetImpactMetricsRequest { Programmes = { Programme } }, _host.As(Manager));
        Assert.Equal(1, metrics.ReportsReceived.Denominator);
        Assert.Equal(1, metrics.ReportsReceived.Value);
    }

    [Fact]
    public async Task InvalidReportListsEveryBadField()
    {
        var report = NewReport(programme: "trainings/x", partner: "");
        report.Period.EndDate = new Date { Year = 2025, Month = 1, Day = 1 };
        report.EvidenceLinks.Add("ftp://files.example/x");
        report.IndicatorValues.Add(new IndicatorValue { IndicatorId = "ind-2", Value = double.NaN });

        var error = await Fails(StatusCode.InvalidArgument, () => CreateAsync(report: report, requestId: ""));

        var fields = error.FieldViolations().Select(v => v.Field).ToList();
        Assert.Contains("request_id", fields);
        Assert.Contains("outcome_report.programme", fields);
        Assert.Contains("outcome_report.partner_organisation", fields);
        Assert.Contains("outcome_report.period.end_date", fields);
        Assert.Contains("outcome_report.indicator_values[1].value", fields);

        var badLink = NewReport();
        badLink.EvidenceLinks.Add("ftp://files.example/x");
        var domain = await Fails(StatusCode.InvalidArgument, () => CreateAsync(report: badLink));
        Assert.Contains("outcome_report.evidence_links[1]", domain.FieldViolations().Select(v => v.Field));

        await Fails(StatusCode.NotFound, () => Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = "outcomeReports/nope" }, _host.As(Administrator)).ResponseAsync);
    }

    [Fact]
    public async Task EachRoleDoesOnlyItsPart()
    {
        var own = await CreateAsync();
        var get = new GetOutcomeReportRequest { Name = own.Name };

        // Funders never see reports; other partners not those of others.
        Assert.Contains("funders", (await Fails(StatusCode.PermissionDenied, () => Reports.GetOutcomeReportAsync(get, _host.As(Funder)).ResponseAsync)).Detail, StringComparison.Ordinal);
        await Fails(StatusCode.PermissionDenied, () => Reports.GetOutcomeReportAsync(get, _host.As(OtherPartnerAgency)).ResponseAsync);
        await Fails(StatusCode.PermissionDenied, () => Reports.GetOutcomeReportAsync(get, _host.As(OtherManager)).ResponseAsync);
        await Fails(StatusCode.PermissionDenied, () => CreateAsync(caller: OtherPartnerAgency));
        await Fails(StatusCode.PermissionDenied, () => CreateAsync(caller: Manager));
        await Fails(StatusCode.PermissionDenied, () => UpdateNarrativeAsync(own, "not mine", OtherPartnerAgency));
        await Fails(StatusCode.PermissionDenied, () => SubmitAsync(own, caller: Manager));

        var submitted = await SubmitAsync(own);
        await Fails(StatusCode.PermissionDenied, () => Approve(submitted, PartnerAgency));
        await Fails(StatusCode.PermissionDenied, () => Approve(submitted, OtherManager));
        await Fails(StatusCode.PermissionDenied, () => Approve(submitted, Funder));
        Assert.Equal(V1.OutcomeReportStatus.Approved, (await Approve(submitted, Administrator)).Status);

        // Lists are narrowed to what the caller may see.
        await CreateAsync(caller: OtherPartnerAgency, report: NewReport(partner: OtherPartner));
        await CreateAsync(caller: OtherPartnerAgency, report: NewReport(programme: OtherProgramme, partner: OtherPartner));
        async Task<int> CountAsync(CallerIdentity caller, ListOutcomeReportsRequest? request = null) =>
            (await Reports.ListOutcomeReportsAsync(request ?? new ListOutcomeReportsRequest(), _host.As(caller))).OutcomeReports.Count;
        Assert.Equal(1, await CountAsync(PartnerAgency));
        Assert.Equal(2, await CountAsync(OtherPartnerAgency));
        // Managers see the approved report, not the other partner's unsubmitted drafts.
        Assert.Equal(1, await CountAsync(Manager));
        Assert.Equal(0, await CountAsync(OtherManager));
        Assert.Equal(3, await CountAsync(Administrator));
        await Fails(StatusCode.PermissionDenied, () => CountAsync(PartnerAgency, new ListOutcomeReportsRequest { PartnerOrganisation = OtherPartner }));
        await Fails(StatusCode.PermissionDenied, () => CountAsync(Manager, new ListOutcomeReportsRequest { Programme = OtherProgramme }));
        await Fails(StatusCode.PermissionDenied, () => CountAsync(Funder));
    }

    [Fact]
    public async Task ListFiltersAndPagesInDueDateOrder()
    {
        foreach (var year in new[] { 2031, 2029, 2030 })
        {
            await CreateAsync(report: NewReport(dueYear: year));
        }

        var approved = await Approve(await SubmitAsync(await CreateAsync(report: NewReport(dueYear: 2028))));

        // The partner pages through its own reports, drafts included (managers do not see unsubmitted drafts).
        var first = await Reports.ListOutcomeReportsAsync(new ListOutcomeReportsRequest { Programme = Programme, PageSize = 3 }, _host.As(PartnerAgency));
        var second = await Reports.ListOutcomeReportsAsync(
            new ListOutcomeReportsRequest { Programme = Programme, PageSize = 3, PageToken = first.NextPageToken }, _host.As(PartnerAgency));
        Assert.Equal([2028, 2029, 2030], first.OutcomeReports.Select(r => r.DueDate.Year));
        Assert.Equal([2031], second.OutcomeReports.Select(r => r.DueDate.Year));
        Assert.Empty(second.NextPageToken);

        var onlyApproved = await Reports.ListOutcomeReportsAsync(
            new ListOutcomeReportsRequest { Status = V1.OutcomeReportStatus.Approved, PartnerOrganisation = Partner }, _host.As(Manager));
        Assert.Equal([approved.Name], onlyApproved.OutcomeReports.Select(r => r.Name));
        await Fails(StatusCode.InvalidArgument, () => Reports.ListOutcomeReportsAsync(new ListOutcomeReportsRequest { PageSize = -1 }, _host.As(Manager)).ResponseAsync);
    }

    [Fact]
    public async Task ReportingDisciplineCountsExpectedReceivedAndOnTime()
    {
        await SubmitAsync(await CreateAsync(report: NewReport(dueYear: 2099)));   // on time
        await SubmitAsync(await CreateAsync(report: NewReport(dueYear: 2026)));   // due 2026-07-31, submitted later: late
        await CreateAsync(report: NewReport(dueYear: 2099));                      // not yet received

        var metrics = await new ImpactService.ImpactServiceClient(_host.Channel).GetImpactMetricsAsync(
            new GetImpactMetricsRequest { Programmes = { Programme } }, _host.As(Manager));

        Assert.Equal(3, metrics.ReportsReceived.Denominator);
        Assert.Equal(2, metrics.ReportsReceived.Numerator);
        Assert.Equal(1, metrics.ReportsOnTime.Numerator);
    }
}
