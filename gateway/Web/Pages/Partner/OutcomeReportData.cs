using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Pages.Partner;

/// <summary>
/// A partner's outcome reports: its own only (another organisation's report is refused), the programmes
/// it takes part in (for names and indicators), and creating, saving and submitting drafts.
/// </summary>
public sealed class OutcomeReportData
{
    public static async Task<IReadOnlyList<OutcomeReport>> OursAsync(WebRequest request) =>
        (await request.Services.OutcomeReportClient.ListOutcomeReportsAsync(
            new ListOutcomeReportsRequest { PartnerOrganisation = request.Organisation ?? "", PageSize = 500 }, Options(request))).OutcomeReports;

    public static async Task<IReadOnlyList<Programme>> ProgrammesAsync(WebRequest request) =>
        (await request.Services.ProgrammeClient.ListProgrammesAsync(new ListProgrammesRequest { Participant = request.Organisation ?? "", PageSize = 200 }, Options(request))).Programmes;

    public static async Task<OutcomeReport> GetAsync(WebRequest request, string id)
    {
        var report = await request.Services.OutcomeReportClient.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = $"outcomeReports/{id}" }, Options(request));
        return report.PartnerOrganisation == request.Organisation ? report
            : throw new RpcException(new Status(StatusCode.PermissionDenied, "this report belongs to another organisation"));
    }

    public static async Task<OutcomeReport> CreateAsync(WebRequest request, OutcomeReportForm form)
    {
        var report = new OutcomeReport
        {
            Programme = "programmes/" + (form.Programme ?? "").Trim(),
            PartnerOrganisation = request.Organisation ?? "",
            Period = new Common.V1.DateRange { StartDate = Formats.ParseDate(form.StartDate), EndDate = Formats.ParseDate(form.EndDate) },
            DueDate = Formats.ParseDate(form.DueDate),
        };
        form.FillInto(report);
        return await request.Services.OutcomeReportClient.CreateOutcomeReportAsync(
            new CreateOutcomeReportRequest { OutcomeReport = report, RequestId = form.RequestId ?? "" }, Options(request));
    }

    public static async Task<OutcomeReport> SaveAsync(WebRequest request, OutcomeReport report, OutcomeReportForm form)
    {
        var update = new OutcomeReport { Name = report.Name, Etag = form.Etag ?? "" };
        form.FillInto(update);
        var saved = await request.Services.OutcomeReportClient.UpdateOutcomeReportAsync(new UpdateOutcomeReportRequest
        {
            OutcomeReport = update,
            UpdateMask = new FieldMask { Paths = { "indicator_values", "narrative", "evidence_links" } },
        }, Options(request));
        return form.Submit == "1"
            ? await request.Services.OutcomeReportClient.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = saved.Name, Etag = saved.Etag, RequestId = form.RequestId ?? "" }, Options(request))
            : saved;
    }

    public static string ProgrammeTitle(IReadOnlyList<Programme> programmes, string programme) =>
        programmes.FirstOrDefault(p => p.Name == programme)?.Title ?? Formats.Id(programme);

    private static CallOptions Options(WebRequest request) => new(cancellationToken: request.Aborted);
}
