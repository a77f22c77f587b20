using System.Text;
using CapacityHub.Gateway.Web.Shell;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Gateway.Web.Shell.Html;
using static CapacityHub.Gateway.Web.Shell.FormFields;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>The scheduling form's first step: a new training (PLANNED, no days yet) in one of the manager's programmes.</summary>
public static class SchedulePage
{
    public static async Task<IResult> FormAsync(WebRequest request) =>
        await RenderAsync(request, null, FormErrors.None, StatusCodes.Status200OK);

    public static async Task<IResult> CreateAsync(WebRequest request, IFormCollection form)
    {
        var training = TrainingForms.Training(form);
        if (!ManagedProgrammes.Manages(request, training.Programme))
        {
            return await RenderAsync(request, form, FormErrors.Message("Choose one of the programmes you manage."), StatusCodes.Status403Forbidden);
        }

        try
        {
            var created = await request.Services.TrainingClient.CreateTrainingAsync(
                new CreateTrainingRequest { Training = training, RequestId = form["request_id"].ToString() }, new CallOptions(cancellationToken: request.Aborted));
            return Results.Redirect($"/manager/trainings/{Formats.Id(created.Name)}?created=1");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await RenderAsync(request, form, FormErrors.From(e, "training.", "create request."), ServiceErrors.HttpStatus(e));
        }
    }

    private static async Task<IResult> RenderAsync(WebRequest request, IFormCollection? form, FormErrors errors, int status)
    {
        var programmes = await ManagedProgrammes.ListAsync(request);
        string V(string name, string fallback = "") => form is null ? fallback : form[name].ToString();
        var chosen = form is null ? request.Query("programme") : V("programme");
        var html = new StringBuilder(errors.SummaryBox())
            .Append("<p class=\"lead\">A new training starts as planned, without session days; add its days on the next page, where clashes are checked as you type.</p>")
            .Append("<form class=\"stack\" method=\"post\" action=\"/manager/schedule\" novalidate>").Append(request.CsrfField)
            .Append($"<input type=\"hidden\" name=\"request_id\" value=\"{E(V("request_id", Guid.NewGuid().ToString()))}\">")
            .Append(Select("programme", "Programme", programmes.Select(p => (Formats.Id(p.Name), $"{p.Code} — {p.Title}")), chosen, errors))
            .Append(Input("title", "Title", V("title"), errors, required: true))
            .Append("<div class=\"grid2\">")
            .Append(Input("language", "Language of instruction", V("language", "en"), errors, hint: "BCP 47 tag, e.g. en, ja"))
            .Append(Select("mode", "Mode", [(nameof(TrainingMode.InPerson), "In person"), (nameof(TrainingMode.Online), "Online"), (nameof(TrainingMode.Blended), "Blended")], V("mode", nameof(TrainingMode.InPerson)), errors))
            .Append(Input("venue.display_name", "Venue", V("venue.display_name"), errors))
            .Append(Input("venue.city", "City", V("venue.city"), errors))
            .Append(Input("venue.country_code", "Venue country", V("venue.country_code"), errors, hint: "ISO 3166-1 alpha-2, e.g. JP"))
            .Append(Input("venue.time_zone", "Venue time zone", V("venue.time_zone", "Asia/Tokyo"), errors, hint: "IANA name, e.g. Asia/Tokyo; session days default to it"))
            .Append(Input("seats", "Seats", V("seats", "20"), errors, "number"))
            .Append(Input("waitlist_size", "Waitlist places", V("waitlist_size", "5"), errors, "number"))
            .Append(Input("nomination_open_time", "Nominations open (venue time)", V("nomination_open_time"), errors, "datetime-local"))
            .Append(Input("nomination_deadline", "Nomination deadline (venue time)", V("nomination_deadline"), errors, "datetime-local", "before the first session day"))
            .Append("</div>")
            .Append(Input("topics", "Topics", V("topics"), errors, hint: "comma separated"))
            .Append(Input("quotas", "Quotas", V("quotas"), errors, hint: "country:seats, e.g. TH:10, MY:10 — leave empty to open it to every country"))
            .Append(TextArea("eligibility_notes", "Eligibility notes", V("eligibility_notes"), errors))
            .Append("<div><button type=\"submit\">Create training</button></div></form>");
        return PageLayout.Render(request, "Schedule a training", html.ToString(), status);
    }
}
