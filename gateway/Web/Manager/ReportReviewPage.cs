using System.Text;
using CapacityHub.Gateway.Web.Shell;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>Submitted outcome reports of the manager's programmes: read them, approve (locks) or return with a reason.</summary>
public static class ReportReviewPage
{
    public static async Task<IResult> RenderAsync(WebRequest request) => await RenderAsync(request, FormErrors.None, StatusCodes.Status200OK);

    public static async Task<IResult> ReviewAsync(WebRequest request, IFormCollection form)
    {
        var options = new CallOptions(cancellationToken: request.Aborted);
        var name = form["report"].ToString();
        var report = await request.Services.OutcomeReportClient.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = name }, options);
        if (!ManagedProgrammes.Manages(request, report.Programme))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"you do not manage {report.Programme}"));
        }

        var review = new ReviewOutcomeReportRequest { Name = name, Etag = form["etag"].ToString(), Reason = form["reason"].ToString().Trim() };
        try
        {
            var reviewed = form["decision"].ToString() == "approve"
                ? await request.Services.OutcomeReportClient.ApproveOutcomeReportAsync(review, options)
                : await request.Services.OutcomeReportClient.ReturnOutcomeReportAsync(review, options);
            return Results.Redirect($"/manager/reports?reviewed={Uri.EscapeDataString(Formats.Id(reviewed.Name))}&status={reviewed.Status}");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await RenderAsync(request, FormErrors.From(e), ServiceErrors.HttpStatus(e));
        }
    }

    private static async Task<IResult> RenderAsync(WebRequest request, FormErrors errors, int status)
    {
        var programmes = await ManagedProgrammes.ListAsync(request);
        var html = new StringBuilder(errors.SummaryBox());
        if (request.Query("reviewed") is { Length: > 0 } reviewed)
        {
            html.Append($"<p class=\"notice\" role=\"status\">Report {E(reviewed)} is now {E(Words(Enum.TryParse<OutcomeReportStatus>(request.Query("status"), out var s) ? s : OutcomeReportStatus.Unspecified))}.</p>");
        }

        var reports = new List<OutcomeReport>();
        foreach (var programme in programmes)
        {
            var list = await request.Services.OutcomeReportClient.ListOutcomeReportsAsync(
                new ListOutcomeReportsRequest { Programme = programme.Name, PageSize = 500 }, new CallOptions(cancellationToken: request.Aborted));
            reports.AddRange(list.OutcomeReports);
        }

        var waiting = reports.Where(r => r.Status == OutcomeReportStatus.Submitted).ToList();
        html.Append("<h2>Waiting for review</h2>");
        html.Append(waiting.Count == 0 ? "<p>No submitted reports are waiting.</p>" : Join(waiting, r => Report(request, r, programmes.FirstOrDefault(p => p.Name == r.Programme)?.Title ?? r.Programme)));
        var others = reports.Where(r => r.Status != OutcomeReportStatus.Submitted).ToList();
        if (others.Count > 0)
        {
            html.Append("<h2>Other reports</h2><div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Partner</th><th scope=\"col\">Period</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead><tbody>")
                .Append(Join(others, r => $"<tr><td data-label=\"Partner\">{E(r.PartnerOrganisation)}</td><td data-label=\"Period\">{E(Formats.Range(r.Period))}</td><td data-label=\"Due\">{E(Formats.Date(r.DueDate))}</td><td data-label=\"Status\"><span class=\"status\">{E(Words(r.Status))}</span></td></tr>"))
                .Append("</tbody></table></div>");
        }

        return PageLayout.Render(request, "Outcome reports", html.ToString(), status);
    }

    private static string Report(WebRequest request, OutcomeReport r, string programme)
    {
        var id = Formats.Id(r.Name);
        var values = r.IndicatorValues.Count == 0 ? "" :
            "<table><thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">Female</th><th scope=\"col\" class=\"num\">Male</th><th scope=\"col\">Comment</th></tr></thead><tbody>" +
            Join(r.IndicatorValues, v => $"<tr><td>{E(v.ResultId)} / {E(v.IndicatorId)}</td><td class=\"num\">{E(v.Value)}</td><td class=\"num\">{(v.HasFemale ? E(v.Female) : "–")}</td><td class=\"num\">{(v.HasMale ? E(v.Male) : "–")}</td><td>{E(v.Comment)}</td></tr>") +
            "</tbody></table>";
        return $"<article class=\"card\" aria-labelledby=\"r-{E(id)}\"><h3 id=\"r-{E(id)}\">{E(r.PartnerOrganisation)} — {E(Formats.Range(r.Period))}</h3>" +
            $"<p class=\"lead\">{E(programme)} · due {E(Formats.Date(r.DueDate))}</p>{values}<p>{E(r.Narrative)}</p>" +
            (r.EvidenceLinks.Count > 0 ? "<ul>" + Join(r.EvidenceLinks, l => $"<li><a href=\"{E(l)}\" rel=\"noreferrer\">{E(l)}</a></li>") + "</ul>" : "") +
            "<div class=\"actions\">" +
            $"<form method=\"post\" action=\"/manager/reports/review\">{request.CsrfField}<input type=\"hidden\" name=\"report\" value=\"{E(r.Name)}\"><input type=\"hidden\" name=\"etag\" value=\"{E(r.Etag)}\"><input type=\"hidden\" name=\"decision\" value=\"approve\"><button type=\"submit\">Approve report</button></form>" +
            $"<form method=\"post\" action=\"/manager/reports/review\">{request.CsrfField}<input type=\"hidden\" name=\"report\" value=\"{E(r.Name)}\"><input type=\"hidden\" name=\"etag\" value=\"{E(r.Etag)}\"><input type=\"hidden\" name=\"decision\" value=\"return\">" +
            $"<label for=\"return-{E(id)}\">Reason for returning</label><input type=\"text\" id=\"return-{E(id)}\" name=\"reason\"><button type=\"submit\" class=\"secondary\">Return to partner</button></form></div></article>";
    }
}
