using System.Text;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.Gateway.Web.Shell.FormFields;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Partner;

/// <summary>
/// A partner's outcome reports: start a draft for a programme and period, edit it while it is a draft
/// (or returned), and submit it for the manager's review. Submitted and approved reports are read-only.
/// </summary>
public static class OutcomeReportPages
{
    public static async Task<IResult> ListAsync(WebRequest request) => await ListAsync(request, null, FormErrors.None, StatusCodes.Status200OK);

    public static async Task<IResult> CreateAsync(WebRequest request, IFormCollection form)
    {
        var report = new OutcomeReport
        {
            Programme = "programmes/" + form["programme"].ToString().Trim(),
            PartnerOrganisation = request.Organisation ?? "",
            Period = new Common.V1.DateRange { StartDate = Formats.ParseDate(form["period.start_date"]), EndDate = Formats.ParseDate(form["period.end_date"]) },
            DueDate = Formats.ParseDate(form["due_date"]),
        };
        Fill(report, form);
        try
        {
            var created = await request.Services.OutcomeReportClient.CreateOutcomeReportAsync(
                new CreateOutcomeReportRequest { OutcomeReport = report, RequestId = form["request_id"].ToString() }, new CallOptions(cancellationToken: request.Aborted));
            return Results.Redirect($"/partner/reports/{Formats.Id(created.Name)}?saved=1");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await ListAsync(request, form, FormErrors.From(e, "outcome_report."), ServiceErrors.HttpStatus(e));
        }
    }

    public static async Task<IResult> ShowAsync(WebRequest request, string id) =>
        await ShowAsync(request, await LoadAsync(request, id), null, FormErrors.None, StatusCodes.Status200OK);

    public static async Task<IResult> SaveAsync(WebRequest request, string id, IFormCollection form)
    {
        var report = await LoadAsync(request, id);
        var update = new OutcomeReport { Name = report.Name, Etag = form["etag"].ToString() };
        Fill(update, form);
        var options = new CallOptions(cancellationToken: request.Aborted);
        try
        {
            var saved = await request.Services.OutcomeReportClient.UpdateOutcomeReportAsync(new UpdateOutcomeReportRequest
            {
                OutcomeReport = update,
                UpdateMask = new FieldMask { Paths = { "indicator_values", "narrative", "evidence_links" } },
            }, options);
            if (form["submit"] == "1")
            {
                saved = await request.Services.OutcomeReportClient.SubmitOutcomeReportAsync(
                    new SubmitOutcomeReportRequest { Name = saved.Name, Etag = saved.Etag, RequestId = form["request_id"].ToString() }, options);
            }

            return Results.Redirect($"/partner/reports/{id}?saved=1");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await ShowAsync(request, report, form, FormErrors.From(e, "outcome_report."), ServiceErrors.HttpStatus(e));
        }
    }

    private static async Task<OutcomeReport> LoadAsync(WebRequest request, string id)
    {
        var report = await request.Services.OutcomeReportClient.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = $"outcomeReports/{id}" }, new CallOptions(cancellationToken: request.Aborted));
        return report.PartnerOrganisation == request.Organisation ? report
            : throw new RpcException(new Status(StatusCode.PermissionDenied, "this report belongs to another organisation"));
    }

    /// <summary>The editable part: narrative, evidence links and one indicator value per row typed in.</summary>
    private static void Fill(OutcomeReport report, IFormCollection form)
    {
        report.Narrative = form["narrative"].ToString().Trim();
        report.EvidenceLinks.AddRange(Formats.List(form["evidence_links"]));
        var indicator = form["indicator"].ToString().Split('/', 2);
        if (indicator.Length == 2 && Formats.ParseNumber(form["indicator_value"]) is { } value)
        {
            var entry = new IndicatorValue { ResultId = indicator[0], IndicatorId = indicator[1], Value = value, Comment = form["indicator_comment"].ToString().Trim() };
            if (Formats.ParseNumber(form["indicator_female"]) is { } female)
            {
                entry.Female = female;
            }

            if (Formats.ParseNumber(form["indicator_male"]) is { } male)
            {
                entry.Male = male;
            }

            report.IndicatorValues.Add(entry);
        }
    }

    private static async Task<IReadOnlyList<Programme>> OurProgrammesAsync(WebRequest request) =>
        (await request.Services.ProgrammeClient.ListProgrammesAsync(new ListProgrammesRequest { Participant = request.Organisation ?? "", PageSize = 200 }, new CallOptions(cancellationToken: request.Aborted))).Programmes;

    private static async Task<IResult> ListAsync(WebRequest request, IFormCollection? form, FormErrors errors, int status)
    {
        string V(string name, string fallback = "") => form is null ? fallback : form[name].ToString();
        var reports = (await request.Services.OutcomeReportClient.ListOutcomeReportsAsync(
            new ListOutcomeReportsRequest { PartnerOrganisation = request.Organisation ?? "", PageSize = 500 }, new CallOptions(cancellationToken: request.Aborted))).OutcomeReports;
        var programmes = await OurProgrammesAsync(request);
        var html = new StringBuilder(reports.Count == 0 ? "<p>No reports yet.</p>" :
            "<div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Programme</th><th scope=\"col\">Period</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead><tbody>" +
            Join(reports, r => $"<tr><td data-label=\"Programme\"><a href=\"/partner/reports/{E(Formats.Id(r.Name))}\">{E(programmes.FirstOrDefault(p => p.Name == r.Programme)?.Title ?? r.Programme)}</a></td>" +
                $"<td data-label=\"Period\">{E(Formats.Range(r.Period))}</td><td data-label=\"Due\">{E(Formats.Date(r.DueDate))}</td><td data-label=\"Status\"><span class=\"status\">{E(Words(r.Status))}</span></td></tr>") +
            "</tbody></table></div>");
        html.Append(errors.SummaryBox())
            .Append("<h2 id=\"new-report\">Start a report</h2><form class=\"stack\" method=\"post\" action=\"/partner/reports\" novalidate>").Append(request.CsrfField)
            .Append($"<input type=\"hidden\" name=\"request_id\" value=\"{E(V("request_id", Guid.NewGuid().ToString()))}\">")
            .Append(Select("programme", "Programme", programmes.Select(p => (Formats.Id(p.Name), $"{p.Code} — {p.Title}")), V("programme"), errors))
            .Append("<div class=\"grid2\">")
            .Append(Input("period.start_date", "Period from", V("period.start_date"), errors, "date"))
            .Append(Input("period.end_date", "Period to", V("period.end_date"), errors, "date"))
            .Append(Input("due_date", "Due date", V("due_date"), errors, "date"))
            .Append("</div>")
            .Append(EditableFields(programmes, form, errors, null))
            .Append("<div><button type=\"submit\">Save draft</button></div></form>");
        return PageLayout.Render(request, "Outcome reports", html.ToString(), status);
    }

    private static async Task<IResult> ShowAsync(WebRequest request, OutcomeReport report, IFormCollection? form, FormErrors errors, int status)
    {
        var programmes = await OurProgrammesAsync(request);
        var id = Formats.Id(report.Name);
        var html = new StringBuilder();
        if (request.Query("saved") == "1")
        {
            html.Append($"<p class=\"notice\" role=\"status\">Saved: the report is {E(Words(report.Status))}.</p>");
        }

        html.Append($"<p class=\"lead\">Status <span class=\"status\" id=\"report-status\">{E(Words(report.Status))}</span> · {E(programmes.FirstOrDefault(p => p.Name == report.Programme)?.Title ?? report.Programme)} · period {E(Formats.Range(report.Period))} · due {E(Formats.Date(report.DueDate))}</p>");
        if (report.History.LastOrDefault(h => h.Action == "returned") is { } returned && report.Status == OutcomeReportStatus.Returned)
        {
            html.Append($"<p class=\"conflicts\" role=\"note\">Returned by the programme manager: {E(returned.Note)}</p>");
        }

        html.Append(errors.SummaryBox());
        if (report.Status is OutcomeReportStatus.Draft or OutcomeReportStatus.Returned)
        {
            html.Append($"<form class=\"stack\" method=\"post\" action=\"/partner/reports/{E(id)}\" novalidate>").Append(request.CsrfField)
                .Append($"<input type=\"hidden\" name=\"etag\" value=\"{E(report.Etag)}\"><input type=\"hidden\" name=\"request_id\" value=\"{E(form?["request_id"].ToString() ?? Guid.NewGuid().ToString())}\">")
                .Append(EditableFields(programmes.Where(p => p.Name == report.Programme).ToList(), form, errors, report))
                .Append("<div class=\"actions\"><button type=\"submit\" name=\"submit\" value=\"0\" class=\"secondary\">Save draft</button><button type=\"submit\" name=\"submit\" value=\"1\">Submit for review</button></div></form>");
        }
        else
        {
            html.Append("<h2>Indicator values</h2><ul>")
                .Append(Join(report.IndicatorValues, v => $"<li>{E(v.ResultId)} / {E(v.IndicatorId)}: {E(v.Value)} {E(v.Comment)}</li>"))
                .Append($"</ul><h2>Narrative</h2><p>{E(report.Narrative)}</p>");
        }

        html.Append("<h2>History</h2><ol>")
            .Append(Join(report.History, h => $"<li>{E(h.Action)} by {E(h.Actor)}{(h.Note.Length > 0 ? ": " + E(h.Note) : "")}</li>"))
            .Append("</ol><p><a href=\"/partner/reports\">All reports</a></p>");
        return PageLayout.Render(request, "Outcome report", html.ToString(), status);
    }

    private static string EditableFields(IReadOnlyList<Programme> programmes, IFormCollection? form, FormErrors errors, OutcomeReport? report)
    {
        var first = report?.IndicatorValues.FirstOrDefault();
        string V(string name, string? current) => form is null ? current ?? "" : form[name].ToString();
        var indicators = programmes.SelectMany(p => p.Results.SelectMany(r => r.Indicators.Select(i => ($"{r.ResultId}/{i.IndicatorId}", $"{p.Code}: {i.Title}")))).Prepend(("", "(none)"));
        return new StringBuilder()
            .Append(TextArea("narrative", "Narrative", V("narrative", report?.Narrative), errors, "What changed for the people trained, with examples"))
            .Append(Input("evidence_links", "Evidence links", V("evidence_links", report is null ? null : string.Join(", ", report.EvidenceLinks)), errors, hint: "comma separated https links"))
            .Append("<fieldset><legend>Indicator value</legend><div class=\"grid2\">")
            .Append(Select("indicator", "Indicator", indicators, V("indicator", first is null ? null : $"{first.ResultId}/{first.IndicatorId}"), errors))
            .Append(Input("indicator_value", "Value", V("indicator_value", first is null ? null : E(first.Value)), errors, "number"))
            .Append(Input("indicator_female", "of which female", V("indicator_female", first?.HasFemale == true ? E(first.Female) : null), errors, "number"))
            .Append(Input("indicator_male", "of which male", V("indicator_male", first?.HasMale == true ? E(first.Male) : null), errors, "number"))
            .Append(Input("indicator_comment", "Comment", V("indicator_comment", first?.Comment), errors))
            .Append("</div></fieldset>")
            .ToString();
    }
}
