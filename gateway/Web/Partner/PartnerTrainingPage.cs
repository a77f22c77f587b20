using System.Text;
using CapacityHub.Gateway.Rest.Imports;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Gateway.Web.Shell.FormFields;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Partner;

/// <summary>
/// One training for a partner agency: its schedule, the nomination form, the agency's own participants
/// (confirm a place, withdraw) and, once the training is confirmed, their attendance and scores.
/// </summary>
public static class PartnerTrainingPage
{
    private static readonly Dictionary<string, string> ParticipantAliases = new(StringComparer.Ordinal) { ["participant.id"] = "participant.participant_id" };

    public static async Task<IResult> ShowAsync(WebRequest request, string id) =>
        await RenderAsync(request, await PartnerTrainings.TrainingAsync(request, id), null, FormErrors.None, FormErrors.None, StatusCodes.Status200OK);

    public static async Task<IResult> NominateAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await PartnerTrainings.TrainingAsync(request, id);
        var nomination = new Nomination
        {
            NominatingOrganisation = request.Organisation ?? "",
            Participant = new Participant
            {
                // The partner's own id for the person; the email identifies them when it has none.
                ParticipantId = form["participant.participant_id"].ToString().Trim() is { Length: > 0 } given ? given : form["participant.email"].ToString().Trim(),
                DisplayName = form["participant.display_name"].ToString().Trim(),
                Email = form["participant.email"].ToString().Trim(),
                Organisation = form["participant.organisation"].ToString().Trim(),
                CountryCode = form["participant.country_code"].ToString().Trim().ToUpperInvariant(),
                Sex = Enum.TryParse<Sex>(form["participant.sex"], out var sex) ? sex : Sex.Unspecified,
                Sector = form["participant.sector"].ToString().Trim(),
                JobTitle = form["participant.job_title"].ToString().Trim(),
            },
        };
        try
        {
            var created = await request.Services.NominationClient.NominateAsync(
                new NominateRequest { Parent = training.Name, Nomination = nomination, RequestId = form["request_id"].ToString() }, new CallOptions(cancellationToken: request.Aborted));
            return Results.Redirect($"/partner/trainings/{id}?nominated={Uri.EscapeDataString(created.Participant.DisplayName)}");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await RenderAsync(request, training, form, FormErrors.From(e, ParticipantAliases, "nomination."), FormErrors.None, ServiceErrors.HttpStatus(e));
        }
    }

    /// <summary>A CSV of participants, all nominated or none (the REST face's import, so both check rows alike).</summary>
    public static async Task<IResult> UploadAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await PartnerTrainings.TrainingAsync(request, id);
        try
        {
            var table = await CsvTable.ReadAsync(request.Http.Request, request.Aborted);
            var nominated = await new NominationImport(request.Services).ImportAsync(request.Caller, training.Name, table, form["request_id"].ToString(), new CallOptions(cancellationToken: request.Aborted));
            return Results.Redirect($"/partner/trainings/{id}?uploaded={nominated.Count}");
        }
        catch (ImportRejectedException e)
        {
            var rows = e.Errors.Select(r => r.Row > 0 ? $"Row {r.Row}{(r.Column.Length > 0 ? ", " + r.Column : "")}: {r.Message}" : r.Message);
            return await RenderAsync(request, training, null, FormErrors.None, FormErrors.Listing(e.Message, rows), StatusCodes.Status422UnprocessableEntity);
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await RenderAsync(request, training, null, FormErrors.None, FormErrors.From(e), ServiceErrors.HttpStatus(e));
        }
    }

    /// <summary>Confirm a place (approved to booked) or withdraw a participant.</summary>
    public static async Task<IResult> ChangeAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await PartnerTrainings.TrainingAsync(request, id);
        var change = new ChangeNominationStatusRequest { Name = form["nomination"].ToString(), Etag = form["etag"].ToString(), Reason = form["reason"].ToString().Trim() };
        var options = new CallOptions(cancellationToken: request.Aborted);
        try
        {
            if (form["verb"] == "book")
            {
                await request.Services.NominationClient.BookNominationAsync(change, options);
            }
            else
            {
                await request.Services.NominationClient.WithdrawNominationAsync(change, options);
            }

            return Results.Redirect($"/partner/trainings/{id}");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await RenderAsync(request, training, null, FormErrors.None, FormErrors.From(e), ServiceErrors.HttpStatus(e));
        }
    }

    /// <summary>Attendance for every booked participant and day, and the scores typed in, each as one all-or-nothing batch.</summary>
    public static async Task<IResult> RecordResultsAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await PartnerTrainings.TrainingAsync(request, id);
        var booked = (await PartnerTrainings.OursAsync(request, training.Name)).Where(IsEnrolled).ToList();
        var attendance = new BatchRecordAttendanceRequest { Parent = training.Name };
        var assessments = new BatchRecordAssessmentsRequest { Parent = training.Name };
        var maximum = Formats.ParseNumber(form["maximum"]) ?? 0;
        foreach (var nomination in booked)
        {
            var key = Formats.Id(nomination.Name);
            foreach (var day in training.SessionDays)
            {
                attendance.Entries.Add(new RecordAttendanceRequest { Name = nomination.Name, SessionDay = day.Name, Present = form[$"present-{key}-{Formats.Id(day.Name)}"] == "on" });
            }

            foreach (var kind in new[] { AssessmentKind.Pre, AssessmentKind.Post })
            {
                if (Formats.ParseNumber(form[$"{kind.ToString().ToLowerInvariant()}-{key}"]) is { } score)
                {
                    assessments.Entries.Add(new RecordAssessmentRequest { Name = nomination.Name, Assessment = new Assessment { Kind = kind, Score = score, Maximum = maximum } });
                }
            }
        }

        var options = new CallOptions(cancellationToken: request.Aborted);
        try
        {
            if (attendance.Entries.Count > 0)
            {
                await request.Services.NominationClient.BatchRecordAttendanceAsync(attendance, options);
            }

            if (assessments.Entries.Count > 0)
            {
                await request.Services.NominationClient.BatchRecordAssessmentsAsync(assessments, options);
            }

            return Results.Redirect($"/partner/trainings/{id}?recorded=1#results");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await RenderAsync(request, training, null, FormErrors.None, FormErrors.From(e), ServiceErrors.HttpStatus(e));
        }
    }

    private static bool IsEnrolled(Nomination n) => n.Status is NominationStatus.Booked or NominationStatus.FullyAttended or NominationStatus.PartiallyAttended or NominationStatus.NoShow;

    private static async Task<IResult> RenderAsync(WebRequest request, Training training, IFormCollection? form, FormErrors nominateErrors, FormErrors otherErrors, int status)
    {
        var ours = await PartnerTrainings.OursAsync(request, training.Name);
        var id = Formats.Id(training.Name);
        var html = new StringBuilder();
        if (request.Query("nominated") is { Length: > 0 } who)
        {
            html.Append($"<p class=\"notice\" role=\"status\">{E(who)} is nominated.</p>");
        }

        if (request.Query("uploaded") is { Length: > 0 } uploaded)
        {
            html.Append($"<p class=\"notice\" role=\"status\">{E(uploaded)} participant(s) nominated from the file.</p>");
        }

        if (request.Query("recorded") == "1")
        {
            html.Append("<p class=\"notice\" role=\"status\">Attendance and scores saved.</p>");
        }

        html.Append(otherErrors.SummaryBox())
            .Append($"<p class=\"lead\"><span class=\"status\">{E(Words(training.Status))}</span> · {E(training.Venue?.DisplayName ?? "")}, {E(training.Venue?.City ?? "")} · language {E(training.Language)} · {Math.Max(0, training.Seats - training.SeatsTaken)} of {training.Seats} seats left · your quota left: {E(PartnerTrainings.QuotaText(training))}</p>")
            .Append(training.EligibilityNotes.Length > 0 ? $"<p>{E(training.EligibilityNotes)}</p>" : "")
            .Append(SessionDayTimes.ZonePicker(request, $"/partner/trainings/{id}"))
            .Append("<h2>Session days</h2>")
            .Append(training.SessionDays.Count == 0 ? "<p>Not scheduled yet.</p>" : "<ol>" + Join(training.SessionDays, d => $"<li class=\"day\">{SessionDayTimes.Render(d, training, request.Zone)}</li>") + "</ol>")
            .Append("<h2>Our participants</h2>")
            .Append(ours.Count == 0 ? "<p>You have not nominated anyone for this training.</p>" :
                "<div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Participant</th><th scope=\"col\">Status</th><th scope=\"col\">Actions</th></tr></thead><tbody>" +
                Join(ours, n => $"<tr><td data-label=\"Participant\">{E(n.Participant?.DisplayName)}<br><span class=\"lead\">{E(n.Participant?.Email)}</span></td><td data-label=\"Status\"><span class=\"status\">{E(Words(n.Status))}</span> {E(n.StatusNote)}</td><td data-label=\"Actions\"><div class=\"actions\">{Actions(request, id, n)}</div></td></tr>") +
                "</tbody></table></div>");
        if (training.Status == TrainingStatus.OpenForNomination)
        {
            html.Append(NominationForm(request, id, form, nominateErrors));
        }

        if (training.Status is TrainingStatus.Confirmed or TrainingStatus.InProgress or TrainingStatus.Completed)
        {
            html.Append(ResultsForm(request, training, ours.Where(IsEnrolled).ToList()));
        }

        return PageLayout.Render(request, training.Title, html.ToString(), status);
    }

    private static string Actions(WebRequest request, string id, Nomination n)
    {
        var hidden = $"{request.CsrfField}<input type=\"hidden\" name=\"nomination\" value=\"{E(n.Name)}\"><input type=\"hidden\" name=\"etag\" value=\"{E(n.Etag)}\">";
        var html = "";
        if (n.Status == NominationStatus.Approved)
        {
            html += $"<form method=\"post\" action=\"/partner/trainings/{E(id)}/nominations\">{hidden}<input type=\"hidden\" name=\"verb\" value=\"book\"><button type=\"submit\" aria-label=\"Confirm the place of {E(n.Participant?.DisplayName)}\">Confirm place</button></form>";
        }

        if (n.Status is NominationStatus.Nominated or NominationStatus.Approved or NominationStatus.Waitlisted or NominationStatus.Booked)
        {
            var field = $"withdraw-{E(Formats.Id(n.Name))}";
            html += $"<form method=\"post\" action=\"/partner/trainings/{E(id)}/nominations\">{hidden}<input type=\"hidden\" name=\"verb\" value=\"withdraw\"><label for=\"{field}\">Reason</label><input type=\"text\" id=\"{field}\" name=\"reason\"><button type=\"submit\" class=\"secondary\" aria-label=\"Withdraw {E(n.Participant?.DisplayName)}\">Withdraw</button></form>";
        }

        return html;
    }

    private static string NominationForm(WebRequest request, string id, IFormCollection? form, FormErrors errors)
    {
        string V(string name, string fallback = "") => form is null ? fallback : form[name].ToString();
        return new StringBuilder(errors.SummaryBox())
            .Append("<h2 id=\"nominate\">Nominate a participant</h2>")
            .Append($"<form class=\"stack\" method=\"post\" action=\"/partner/trainings/{E(id)}/nominate\" novalidate>").Append(request.CsrfField)
            .Append($"<input type=\"hidden\" name=\"request_id\" value=\"{E(V("request_id", Guid.NewGuid().ToString()))}\">")
            .Append("<div class=\"grid2\">")
            .Append(Input("participant.display_name", "Full name", V("participant.display_name"), errors, required: true))
            .Append(Input("participant.email", "Email", V("participant.email"), errors, "email", required: true))
            .Append(Input("participant.participant_id", "Staff number (your id for the person)", V("participant.participant_id"), errors, hint: "leave empty to use the email"))
            .Append(Input("participant.job_title", "Job title", V("participant.job_title"), errors))
            .Append(Input("participant.organisation", "Employer", V("participant.organisation", request.Organisation ?? ""), errors, hint: "organisations/{id}"))
            .Append(Input("participant.country_code", "Country", V("participant.country_code", request.Caller.CountryCode ?? ""), errors, hint: "ISO 3166-1 alpha-2"))
            .Append(Select("participant.sex", "Sex", [(nameof(Sex.Female), "Female"), (nameof(Sex.Male), "Male"), (nameof(Sex.Other), "Other"), (nameof(Sex.Unspecified), "Prefer not to say")], V("participant.sex", nameof(Sex.Unspecified)), errors))
            .Append(Input("participant.sector", "Sector", V("participant.sector"), errors, hint: "e.g. government, CERT, law enforcement"))
            .Append("</div><div><button type=\"submit\">Nominate</button></div></form>")
            .Append("<h3>Or nominate several from a CSV file</h3>")
            .Append($"<form class=\"stack\" method=\"post\" action=\"/partner/trainings/{E(id)}/nominations/upload\" enctype=\"multipart/form-data\">").Append(request.CsrfField)
            .Append($"<input type=\"hidden\" name=\"request_id\" value=\"{Guid.NewGuid():N}\">")
            .Append("<div class=\"field\"><label for=\"csv-file\">CSV file</label><span class=\"hint\" id=\"csv-file-hint\">Columns: participant_id, display_name, email, country_code, and optionally sex, sector, job_title. Every row is checked first; one bad row and nobody is nominated.</span>")
            .Append("<input type=\"file\" id=\"csv-file\" name=\"file\" accept=\".csv,text/csv\" aria-describedby=\"csv-file-hint\" required></div>")
            .Append("<div><button type=\"submit\">Upload nominations</button></div></form>")
            .ToString();
    }

    private static string ResultsForm(WebRequest request, Training training, IReadOnlyList<Nomination> booked)
    {
        var id = Formats.Id(training.Name);
        if (booked.Count == 0)
        {
            return "<h2 id=\"results\">Attendance and scores</h2><p>None of your participants has a booked place.</p>";
        }

        var maximum = booked.SelectMany(n => n.Learning?.Assessments ?? []).FirstOrDefault()?.Maximum ?? 100;
        var head = Join(training.SessionDays, d => $"<th scope=\"col\">Day {training.SessionDays.IndexOf(d) + 1}<br><span class=\"lead\">{E(Formats.Date(d.Date))}</span></th>");
        var rows = Join(booked, n =>
        {
            var key = Formats.Id(n.Name);
            var name = n.Participant?.DisplayName ?? "";
            var days = Join(training.SessionDays, d =>
            {
                var present = n.Learning?.Attendance.Any(a => a.SessionDay == d.Name && a.Present) == true;
                var field = $"present-{E(key)}-{E(Formats.Id(d.Name))}";
                return $"<td data-label=\"Day {training.SessionDays.IndexOf(d) + 1}\"><input type=\"checkbox\" id=\"{field}\" name=\"{field}\"{(present ? " checked" : "")}><label for=\"{field}\" class=\"lead\">present<span class=\"skip-label\"> ({E(name)}, {E(Formats.Date(d.Date))})</span></label></td>";
            });
            string Score(AssessmentKind kind) => n.Learning?.Assessments.FirstOrDefault(a => a.Kind == kind) is { } a ? E(a.Score) : "";
            return $"<tr><th scope=\"row\">{E(name)}</th>{days}" +
                $"<td data-label=\"Pre-test\"><label for=\"pre-{E(key)}\" class=\"lead\">Pre-test ({E(name)})</label><input type=\"number\" step=\"any\" id=\"pre-{E(key)}\" name=\"pre-{E(key)}\" value=\"{Score(AssessmentKind.Pre)}\"></td>" +
                $"<td data-label=\"Post-test\"><label for=\"post-{E(key)}\" class=\"lead\">Post-test ({E(name)})</label><input type=\"number\" step=\"any\" id=\"post-{E(key)}\" name=\"post-{E(key)}\" value=\"{Score(AssessmentKind.Post)}\"></td>" +
                $"<td data-label=\"Completion\">{(n.Learning?.Completion is { } c ? $"{c.DaysAttended}/{c.DaysScheduled} days{(c.Completed ? ", completed" : "")}" : "–")}</td></tr>";
        });
        return $"<h2 id=\"results\">Attendance and scores</h2><form method=\"post\" action=\"/partner/trainings/{E(id)}/results\">{request.CsrfField}" +
            Input("maximum", "Maximum score of the pre- and post-test", E(maximum), FormErrors.None, "number") +
            $"<div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Participant</th>{head}<th scope=\"col\">Pre-test</th><th scope=\"col\">Post-test</th><th scope=\"col\">Completion</th></tr></thead><tbody>{rows}</tbody></table></div>" +
            "<button type=\"submit\">Save attendance and scores</button></form>";
    }
}
