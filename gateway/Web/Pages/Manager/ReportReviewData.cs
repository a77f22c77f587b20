using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>A manager's review decision on one submitted report.</summary>
public sealed class ReportReviewForm
{
    public string? Report { get; set; }

    public string? Etag { get; set; }

    public string? Decision { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The outcome reports of the manager's programmes, with partner, programme and indicator names.</summary>
public sealed class ReportReviewData(NameDirectory names)
{
    public sealed record View(IReadOnlyList<Programme> Programmes, IReadOnlyList<OutcomeReport> Waiting, IReadOnlyList<OutcomeReport> Others)
    {
        public string ProgrammeTitle(string programme) => Programmes.FirstOrDefault(p => p.Name == programme)?.Title ?? Formats.Id(programme);

        /// <summary>The indicator's title in the programme's results framework; the ids only when it has gone from there.</summary>
        public string IndicatorTitle(string programme, string result, string indicator) =>
            Programmes.FirstOrDefault(p => p.Name == programme)?.Results.FirstOrDefault(r => r.ResultId == result)?.Indicators
                .FirstOrDefault(i => i.IndicatorId == indicator)?.Title ?? $"{result} / {indicator}";
    }

    public NameDirectory Names => names;

    public async Task<View> LoadAsync(WebRequest request)
    {
        var programmes = await ManagedProgrammes.ListAsync(request);
        var lists = await Task.WhenAll(programmes.Select(p => request.Services.OutcomeReportClient.ListOutcomeReportsAsync(
            new ListOutcomeReportsRequest { Programme = p.Name, PageSize = 500 }, new CallOptions(cancellationToken: request.Aborted)).ResponseAsync));
        var reports = lists.SelectMany(l => l.OutcomeReports).ToList();
        await names.LoadOrganisationsAsync(reports.Select(r => r.PartnerOrganisation), request.Aborted);
        return new View(programmes, reports.Where(r => r.Status == OutcomeReportStatus.Submitted).ToList(), reports.Where(r => r.Status != OutcomeReportStatus.Submitted).ToList());
    }

    public async Task<OutcomeReport> ReviewAsync(WebRequest request, ReportReviewForm form)
    {
        var options = new CallOptions(cancellationToken: request.Aborted);
        var name = form.Report ?? "";
        var report = await request.Services.OutcomeReportClient.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = name }, options);
        if (!ManagedProgrammes.Manages(request, report.Programme))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"you do not manage {report.Programme}"));
        }

        var review = new ReviewOutcomeReportRequest { Name = name, Etag = form.Etag ?? "", Reason = form.Reason?.Trim() ?? "" };
        var reviewed = form.Decision == "approve"
            ? await request.Services.OutcomeReportClient.ApproveOutcomeReportAsync(review, options)
            : await request.Services.OutcomeReportClient.ReturnOutcomeReportAsync(review, options);
        await names.LoadOrganisationsAsync([reviewed.PartnerOrganisation], request.Aborted);
        return reviewed;
    }
}
