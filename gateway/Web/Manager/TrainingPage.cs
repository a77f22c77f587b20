using System.Text;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Gateway.Web.Shell.Html;
using static CapacityHub.Gateway.Web.Shell.FormFields;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// One training for its manager: the schedule (venue and viewer time), the add-a-day form with live
/// clash warnings, and the lifecycle verbs (open nominations, confirm, start, complete, cancel).
/// </summary>
public static class TrainingPage
{
    private static readonly (string Verb, string Label, TrainingStatus[] From)[] Verbs =
    [
        ("open", "Open nominations", [TrainingStatus.Planned]),
        ("confirm", "Confirm training", [TrainingStatus.OpenForNomination]),
        ("start", "Start training", [TrainingStatus.Confirmed]),
        ("complete", "Complete training", [TrainingStatus.InProgress]),
    ];

    public static async Task<IResult> ShowAsync(WebRequest request, string id) =>
        Render(request, await ManagedProgrammes.TrainingAsync(request, id), null, FormErrors.None, FormErrors.None, StatusCodes.Status200OK);

    public static async Task<IResult> AddDayAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await ManagedProgrammes.TrainingAsync(request, id);
        try
        {
            await request.Services.TrainingClient.AddSessionDayAsync(new AddSessionDayRequest
            {
                Name = training.Name,
                SessionDay = TrainingForms.SessionDay(form),
                Etag = form["etag"].ToString(),
                RequestId = form["request_id"].ToString(),
            }, new CallOptions(cancellationToken: request.Aborted));
            return Results.Redirect($"/manager/trainings/{id}?added=1");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return Render(request, training, form, FormErrors.From(e, "session_day."), FormErrors.None, ServiceErrors.HttpStatus(e));
        }
    }

    public static async Task<IResult> RemoveDayAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await ManagedProgrammes.TrainingAsync(request, id);
        var day = form["session_day"].ToString();
        if (!training.SessionDays.Any(d => d.Name == day))
        {
            return Render(request, training, null, FormErrors.None, FormErrors.Message("That session day is no longer in this training."), StatusCodes.Status422UnprocessableEntity);
        }

        await request.Services.TrainingClient.RemoveSessionDayAsync(new RemoveSessionDayRequest { Name = day, Etag = form["etag"].ToString() }, new CallOptions(cancellationToken: request.Aborted));
        return Results.Redirect($"/manager/trainings/{id}");
    }

    public static async Task<IResult> ChangeStatusAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await ManagedProgrammes.TrainingAsync(request, id);
        var change = new ChangeTrainingStatusRequest { Name = training.Name, Etag = form["etag"].ToString(), Reason = form["reason"].ToString().Trim() };
        var client = request.Services.TrainingClient;
        var options = new CallOptions(cancellationToken: request.Aborted);
        try
        {
            _ = form["verb"].ToString() switch
            {
                "open" => await client.OpenNominationsAsync(change, options),
                "confirm" => await client.ConfirmTrainingAsync(change, options),
                "start" => await client.StartTrainingAsync(change, options),
                "complete" => await client.CompleteTrainingAsync(change, options),
                "cancel" => await client.CancelTrainingAsync(change, options),
                var other => throw RpcException.InvalidArgument($"Unknown action \"{other}\".", new FieldViolation("verb", "must be open, confirm, start, complete or cancel")),
            };
            return Results.Redirect($"/manager/trainings/{id}");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return Render(request, training, null, FormErrors.None, FormErrors.From(e), ServiceErrors.HttpStatus(e));
        }
    }

    /// <summary>For the live warnings: the clashes the day being typed would cause, as JSON; never an error status for a clash.</summary>
    public static async Task<IResult> ConflictsAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await ManagedProgrammes.TrainingAsync(request, id);
        var day = TrainingForms.SessionDay(form, partial: true);
        if (day is null)
        {
            return Results.Json(new { conflicts = Array.Empty<string>() });
        }

        try
        {
            var check = new CheckConflictsRequest { Training = training.Name, TrainingTitle = training.Title, ViewerTimeZone = request.Zone.Id };
            check.SessionDays.Add(day);
            var response = await request.Services.TrainingClient.CheckConflictsAsync(check, new CallOptions(cancellationToken: request.Aborted));
            return Results.Json(new { conflicts = response.Conflicts.Select(c => c.Description).ToArray() });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            // Half-typed input: say what is wrong without alarming anyone.
            var violations = e.FieldViolations();
            return Results.Json(new { conflicts = Array.Empty<string>(), error = violations.Count > 0 ? string.Join("; ", violations.Select(v => $"{v.Field} {v.Description}")) : e.Detail });
        }
    }

    private static IResult Render(WebRequest request, Training training, IFormCollection? form, FormErrors dayErrors, FormErrors statusErrors, int status)
    {
        string V(string name, string fallback = "") => form is null ? fallback : form[name].ToString();
        var id = Formats.Id(training.Name);
        var html = new StringBuilder();
        if (request.Query("created") == "1")
        {
            html.Append("<p class=\"notice\" role=\"status\">Training created. Add its session days below.</p>");
        }

        if (request.Query("added") == "1")
        {
            html.Append("<p class=\"notice\" role=\"status\">Session day added.</p>");
        }

        html.Append(statusErrors.SummaryBox())
            .Append($"<p class=\"lead\"><span class=\"status\" id=\"training-status\">{E(Words(training.Status))}</span> · {E(training.Venue?.DisplayName ?? "")}, {E(training.Venue?.City ?? "")} ({E(training.Venue?.TimeZone ?? "")}) · {training.SeatsTaken}/{training.Seats} seats taken, {training.Waitlisted} waiting · <a href=\"/manager/programmes/{E(Formats.Id(training.Programme))}\">programme</a> · <a href=\"/manager/nominations?training={E(id)}\">nominations</a> · <a href=\"/api/v1/trainings/{E(id)}:exportCalendar\" download>calendar (.ics)</a></p>")
            .Append("<h2>Session days</h2>")
            .Append(training.SessionDays.Count == 0 ? "<p>No session days yet.</p>" : "<ol class=\"days\">" + Join(training.SessionDays, d =>
                $"<li class=\"day\">{SessionDayTimes.Render(d, training, request.Zone)}" +
                $"<form method=\"post\" action=\"/manager/trainings/{E(id)}/days/remove\">{request.CsrfField}<input type=\"hidden\" name=\"session_day\" value=\"{E(d.Name)}\"><input type=\"hidden\" name=\"etag\" value=\"{E(training.Etag)}\">" +
                $"<button type=\"submit\" class=\"secondary\">Remove this day</button></form></li>") + "</ol>")
            .Append(dayErrors.SummaryBox())
            .Append("<h2 id=\"add-day\">Add a session day</h2>")
            .Append($"<form class=\"stack\" method=\"post\" action=\"/manager/trainings/{E(id)}/days\" data-conflicts-url=\"/manager/trainings/{E(id)}/conflicts\" data-conflicts-target=\"conflicts\" novalidate>")
            .Append(request.CsrfField)
            .Append($"<input type=\"hidden\" name=\"request_id\" value=\"{E(V("request_id", Guid.NewGuid().ToString()))}\"><input type=\"hidden\" name=\"etag\" value=\"{E(training.Etag)}\">")
            .Append("<div class=\"grid2\">")
            .Append(Input("date", "Date (venue's calendar)", V("date"), dayErrors, "date", required: true))
            .Append(Input("time_zone", "Time zone", V("time_zone", training.Venue?.TimeZone ?? ""), dayErrors, hint: "IANA name; empty means the venue's"))
            .Append(Input("start_time", "Starts (local)", V("start_time", "09:00"), dayErrors, "time", required: true))
            .Append(Input("end_time", "Ends (local)", V("end_time", "17:00"), dayErrors, "time", required: true))
            .Append(Input("room", "Room", V("room"), dayErrors, hint: "globally unique room id, e.g. jpcert-tokyo/room-a; empty for online"))
            .Append(Input("trainers", "Trainers", V("trainers"), dayErrors, hint: "comma separated trainer ids"))
            .Append("</div><div id=\"conflicts\" class=\"conflicts\" role=\"status\" aria-live=\"polite\"></div>")
            .Append("<div><button type=\"submit\">Add session day</button></div></form>")
            .Append("<h2>Status</h2><div class=\"actions\">");
        foreach (var (verb, label, from) in Verbs.Where(v => v.From.Contains(training.Status)))
        {
            html.Append(StatusForm(request, id, training.Etag, verb, label, withReason: false));
        }

        if (training.Status is TrainingStatus.Planned or TrainingStatus.OpenForNomination or TrainingStatus.Confirmed)
        {
            html.Append(StatusForm(request, id, training.Etag, "cancel", "Cancel training", withReason: true));
        }

        html.Append("</div>");
        return PageLayout.Render(request, training.Title, html.ToString(), status);
    }

    private static string StatusForm(WebRequest request, string id, string etag, string verb, string label, bool withReason)
    {
        var reason = withReason ? $"<label for=\"reason-{verb}\">Reason</label><input type=\"text\" id=\"reason-{verb}\" name=\"reason\" required>" : "";
        return $"<form method=\"post\" action=\"/manager/trainings/{E(id)}/status\">{request.CsrfField}<input type=\"hidden\" name=\"verb\" value=\"{verb}\"><input type=\"hidden\" name=\"etag\" value=\"{E(etag)}\">{reason}" +
            $"<button type=\"submit\"{(verb == "cancel" ? " class=\"danger\"" : "")}>{E(label)}</button></form>";
    }
}
