using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Outcomes;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using NodaTime;
using DomainReport = CapacityHub.Trainings.Domain.Outcomes.OutcomeReport;
using ProtoReport = CapacityHub.Trainings.V1.OutcomeReport;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// capacityhub.trainings.v1.OutcomeReportService: partners write and submit their reports, programme
/// managers approve, return or reopen them. Each write commits with its reporting-discipline cells, then
/// wakes impact watchers of the programme.
/// </summary>
public sealed class OutcomeReportApi(OutcomeReportRepository repository, ImpactChanges changes, TrainingsMetrics metrics, TimeProvider? clock = null)
    : OutcomeReportService.OutcomeReportServiceBase
{
    private static readonly HashSet<string> Updatable = ["indicator_values", "narrative", "evidence_links"];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public override async Task<ProtoReport> CreateOutcomeReport(CreateOutcomeReportRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        RequireRequestId(errors, request.RequestId);
        var report = request.OutcomeReport;
        if (report is null)
        {
            errors.Add("outcome_report", "is required");
            errors.ThrowIfAny("outcome report");
        }

        errors.ResourceName("outcome_report.programme", report!.Programme, "programmes");
        errors.ResourceName("outcome_report.partner_organisation", report.PartnerOrganisation, "organisations");
        var period = errors.DateRange("outcome_report.period", report.Period);
        errors.Date("outcome_report.due_date", report.DueDate);
        CheckNumbers(errors, report);
        errors.ThrowIfAny("outcome report");
        OutcomeReportAccess.EnsureCanWrite(caller, report.PartnerOrganisation);

        var now = Now();
        var write = await Run("outcome_report.", () =>
        {
            var created = new DomainReport(
                ResourceNames.NewId(),
                report.Programme,
                report.PartnerOrganisation,
                new ReportingPeriod(LocalDate.FromDateOnly(period!.Value.Start), LocalDate.FromDateOnly(period.Value.End!.Value)),
                LocalDate.FromDateOnly(report.DueDate.ToDateOnly()),
                OutcomeReportMapping.ContentOf(report),
                caller.Subject,
                now);
            return repository.CreateAsync(request.RequestId, created, caller.Subject, now, context.CancellationToken);
        });
        return Committed(write, null);
    }

    public override async Task<ProtoReport> GetOutcomeReport(GetOutcomeReportRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var stored = await LoadAsync(request.Name, "name", context);
        OutcomeReportAccess.EnsureCanRead(caller, stored.Value.ProgrammeId, stored.Value.PartnerOrganisationId, UnsubmittedDraft(stored.Value));
        return OutcomeReportMapping.ToProto(stored);
    }

    public override async Task<ListOutcomeReportsResponse> ListOutcomeReports(ListOutcomeReportsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        errors.ResourceName("programme", request.Programme, "programmes", required: false);
        errors.ResourceName("partner_organisation", request.PartnerOrganisation, "organisations", required: false);
        errors.KnownEnum("status", request.Status);
        errors.ThrowIfAny("list request");
        var size = Paging.SizeOf(request.PageSize);

        var (programmes, partner) = OutcomeReportAccess.ScopeList(
            caller, NullIfEmpty(request.Programme), NullIfEmpty(request.PartnerOrganisation));
        var status = request.Status == V1.OutcomeReportStatus.Unspecified ? (Domain.Outcomes.OutcomeReportStatus?)null : (Domain.Outcomes.OutcomeReportStatus)(int)request.Status;
        var (items, next) = await StoreFailures.Guard(() => repository.ListAsync(
            new OutcomeReportFilter(programmes, partner, status), size, NullIfEmpty(request.PageToken), context.CancellationToken));
        var response = new ListOutcomeReportsResponse { NextPageToken = next ?? "" };
        response.OutcomeReports.AddRange(items
            .Where(i => !UnsubmittedDraft(i.Value) || OutcomeReportAccess.SeesDrafts(caller, i.Value.PartnerOrganisationId))
            .Select(OutcomeReportMapping.ToProto));
        return response;
    }

    private static bool UnsubmittedDraft(OutcomeReportDocument report) =>
        report.Status == Domain.Outcomes.OutcomeReportStatus.Draft && report.FirstSubmittedAtUnixMs is null;

    public override async Task<ProtoReport> UpdateOutcomeReport(UpdateOutcomeReportRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        if (request.OutcomeReport is null)
        {
            throw RpcException.InvalidArgument("Invalid update: outcome_report is required.", new FieldViolation("outcome_report", "is required"));
        }

        var errors = new FieldErrors();
        CheckNumbers(errors, request.OutcomeReport);
        errors.ThrowIfAny("outcome report");
        var stored = await LoadAsync(request.OutcomeReport.Name, "outcome_report.name", context);
        var etag = request.OutcomeReport.Etag;
        return await ChangeAsync(stored, null, context, doc =>
        {
            OutcomeReportAccess.EnsureCanWrite(caller, doc.Value.PartnerOrganisationId);
            StoreFailures.RequireEtag(etag, doc.Version, $"Outcome report {request.OutcomeReport.Name}");
        }, (report, now) =>
        {
            var merged = UpdateMasks.Apply(new ProtoReport(), request.OutcomeReport, request.UpdateMask, Updatable,
                "programme, partner, period and due date are fixed after create; status changes use Submit/Approve/Return/Reopen");
            var content = OutcomeReportMapping.ContentOf(merged);
            var mask = request.UpdateMask is { Paths.Count: > 0 } m && !(m.Paths.Count == 1 && m.Paths[0] == "*") ? m.Paths.ToHashSet() : Updatable;
            // Fields outside the mask keep their stored values.
            content = content with
            {
                IndicatorValues = mask.Contains("indicator_values") ? content.IndicatorValues : report.Content.IndicatorValues,
                Narrative = mask.Contains("narrative") ? content.Narrative : report.Content.Narrative,
                EvidenceLinks = mask.Contains("evidence_links") ? content.EvidenceLinks : report.Content.EvidenceLinks,
            };
            report.Update(content, caller.Subject, now);
        });
    }

    public override async Task<ProtoReport> SubmitOutcomeReport(SubmitOutcomeReportRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        RequireRequestId(errors, request.RequestId);
        errors.ThrowIfAny("submit request");
        var stored = await LoadAsync(request.Name, "name", context);
        // Keyed by report too: one request id reused for another report's submit is another request.
        return await ChangeAsync(stored, ($"SubmitOutcomeReport/{stored.Id}", request.RequestId), context, doc =>
        {
            OutcomeReportAccess.EnsureCanWrite(caller, doc.Value.PartnerOrganisationId);
            StoreFailures.RequireEtag(request.Etag, doc.Version, $"Outcome report {request.Name}");
        }, (report, now) => report.Submit(caller.Subject, now), metrics.OutcomeReportSubmitted);
    }

    public override Task<ProtoReport> ApproveOutcomeReport(ReviewOutcomeReportRequest request, ServerCallContext context) =>
        ReviewAsync(request, context, (report, who, now) => report.Approve(who, now), metrics.OutcomeReportApproved);

    public override Task<ProtoReport> ReturnOutcomeReport(ReviewOutcomeReportRequest request, ServerCallContext context) =>
        ReviewAsync(request, context, (report, who, now) => report.Return(who, now, request.Reason), null);

    public override Task<ProtoReport> ReopenOutcomeReport(ReviewOutcomeReportRequest request, ServerCallContext context) =>
        ReviewAsync(request, context, (report, who, now) => report.Reopen(who, now, request.Reason), null);

    private async Task<ProtoReport> ReviewAsync(ReviewOutcomeReportRequest request, ServerCallContext context, Action<DomainReport, string, Instant> review, Action? count)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        errors.MultiLine("reason", request.Reason, Reasons.MaxLength);
        errors.ThrowIfAny("review request");
        var stored = await LoadAsync(request.Name, "name", context);
        return await ChangeAsync(stored, null, context, doc =>
        {
            OutcomeReportAccess.EnsureCanReview(caller, doc.Value.ProgrammeId);
            StoreFailures.RequireEtag(request.Etag, doc.Version, $"Outcome report {request.Name}");
        }, (report, now) => review(report, caller.Subject, now), count);
    }

    private async Task<ProtoReport> ChangeAsync(
        Document<OutcomeReportDocument> stored,
        (string Operation, string RequestId)? once,
        ServerCallContext context,
        Action<Document<OutcomeReportDocument>> check,
        Action<DomainReport, Instant> change,
        Action? count = null)
    {
        var actor = context.Caller().Subject;
        var now = Now();
        var write = await Run("outcome_report.", () => repository.ChangeAsync(
            stored.Id, once, check, report => change(report, now), actor, now, context.CancellationToken));
        return Committed(write, count);
    }

    /// <summary>After the commit: count and wake watchers only when this call did the work (not for a retry).</summary>
    private ProtoReport Committed(OutcomeReportWrite write, Action? count)
    {
        if (write.Performed)
        {
            count?.Invoke();
            changes.Notify(write.Stored.Value.ProgrammeId);
        }

        return OutcomeReportMapping.ToProto(write.Stored);
    }

    private async Task<Document<OutcomeReportDocument>> LoadAsync(string name, string field, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.ResourceName(field, name, OutcomeReportMapping.Collection);
        errors.ThrowIfAny("request");
        return await StoreFailures.Guard(() => repository.FindAsync(id!, context.CancellationToken))
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Outcome report {name} does not exist."));
    }

    /// <summary>Domain refusals and store failures as statuses; domain field names get the request's prefix.</summary>
    private static async Task<T> Run<T>(string fieldPrefix, Func<Task<T>> call)
    {
        try
        {
            return await StoreFailures.Guard(call);
        }
        catch (Domain.DomainValidationException e)
        {
            var violations = e.Errors.Select(f => new FieldViolation(FieldName(fieldPrefix, f.Field), f.Description)).ToArray();
            throw RpcException.InvalidArgument($"Invalid outcome report: {violations[0].Field} {violations[0].Description}", violations);
        }
        catch (Domain.DomainRuleException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
    }

    private static string FieldName(string prefix, string domainField) => domainField switch
    {
        "reason" => "reason",
        "period.end" => prefix + "period.end_date",
        _ => prefix + domainField,
    };

    private static void CheckNumbers(FieldErrors errors, ProtoReport report)
    {
        for (var i = 0; i < report.IndicatorValues.Count; i++)
        {
            var v = report.IndicatorValues[i];
            foreach (var (name, value) in new[] { ("value", v.Value), ("female", v.Female), ("male", v.Male) })
            {
                if (!double.IsFinite(value) || Math.Abs(value) >= 1e15)
                {
                    errors.Add($"outcome_report.indicator_values[{i}].{name}", "must be a finite number below 10^15");
                }
            }
        }
    }

    private static void RequireRequestId(FieldErrors errors, string requestId)
    {
        errors.Required("request_id", requestId);
        errors.MaxLength("request_id", requestId, 64);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private Instant Now() => Instant.FromDateTimeOffset(_clock.GetUtcNow());
}
