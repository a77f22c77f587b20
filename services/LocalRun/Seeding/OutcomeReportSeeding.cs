using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>
/// Partner outcome reports in every review state: draft, submitted, returned, returned-and-resubmitted
/// then approved, and approved. Each step runs only from the state it starts from, so a re-run finishes an
/// interrupted review instead of repeating it.
/// </summary>
internal sealed class OutcomeReportSeeding(SeedClients clients, DemoCallers callers, DemoDataFile data)
{
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var plan = data.OutcomeReports;
        foreach (var r in plan.Reports)
        {
            var partner = callers.Partner(data.Organisation(r.Org));
            var key = $"{plan.Programme}:{r.Org}:{plan.Period.Start}";
            var report = await clients.OutcomeReports.CreateOutcomeReportAsync(new CreateOutcomeReportRequest
            {
                RequestId = $"demo-seed:report:{key}",
                OutcomeReport = new OutcomeReport
                {
                    Programme = $"programmes/{plan.Programme}",
                    PartnerOrganisation = $"organisations/{r.Org}",
                    Period = ProtoValues.Range(plan.Period),
                    DueDate = ProtoValues.Date(plan.Due),
                    Narrative = r.Narrative,
                    IndicatorValues = { new IndicatorValue { ResultId = "r1", IndicatorId = "i1", Value = r.ParticipantsTrained } },
                },
            }, callers.As(partner, ct)).ResponseAsync;

            if (r.State == "DRAFT")
            {
                continue;
            }

            if (report.Status == OutcomeReportStatus.Draft)
            {
                report = await SubmitAsync(report, $"demo-seed:submit:{key}", partner, ct);
            }

            var resubmit = r.State == "RESUBMITTED_APPROVED";
            var returned = report.History.Any(h => h.Action == "returned");
            if (report.Status == OutcomeReportStatus.Submitted && (r.State == "RETURNED" || (resubmit && !returned)))
            {
                report = await ReviewAsync(clients.OutcomeReports.ReturnOutcomeReportAsync, report, r.ReturnReason ?? "Please add detail.", ct);
            }

            if (report.Status == OutcomeReportStatus.Returned && resubmit)
            {
                var corrected = new OutcomeReport { Name = report.Name, Etag = report.Etag };
                var female = Math.Floor(r.ParticipantsTrained * 0.4);
                corrected.IndicatorValues.Add(new IndicatorValue
                {
                    ResultId = "r1",
                    IndicatorId = "i1",
                    Value = r.ParticipantsTrained,
                    Female = female,
                    Male = r.ParticipantsTrained - female,
                });
                report = await clients.OutcomeReports.UpdateOutcomeReportAsync(new UpdateOutcomeReportRequest
                {
                    OutcomeReport = corrected,
                    UpdateMask = new FieldMask { Paths = { "indicator_values" } },
                }, callers.As(partner, ct)).ResponseAsync;
                report = await SubmitAsync(report, $"demo-seed:resubmit:{key}", partner, ct);
            }

            if (report.Status == OutcomeReportStatus.Submitted && r.State is "APPROVED" or "RESUBMITTED_APPROVED")
            {
                await ReviewAsync(clients.OutcomeReports.ApproveOutcomeReportAsync, report, "", ct);
            }
        }

        return plan.Reports.Count;
    }

    private Task<OutcomeReport> SubmitAsync(OutcomeReport report, string requestId, ServiceDefaults.Identity.CallerIdentity partner, CancellationToken ct) =>
        clients.OutcomeReports.SubmitOutcomeReportAsync(
            new SubmitOutcomeReportRequest { Name = report.Name, Etag = report.Etag, RequestId = requestId }, callers.As(partner, ct)).ResponseAsync;

    private Task<OutcomeReport> ReviewAsync(
        Func<ReviewOutcomeReportRequest, CallOptions, AsyncUnaryCall<OutcomeReport>> review, OutcomeReport report, string reason, CancellationToken ct) =>
        review(new ReviewOutcomeReportRequest { Name = report.Name, Etag = report.Etag, Reason = reason }, callers.As(callers.Manager, ct)).ResponseAsync;
}
