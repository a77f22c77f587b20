using System.Text;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// Nominations waiting for the manager's decision, training by training, oldest first (the order the
/// waitlist is served in): approve into a seat (or the waitlist when full) or decline with a reason.
/// </summary>
public static class NominationQueuePage
{
    private static readonly NominationStatus[] Waiting = [NominationStatus.Nominated];

    public static async Task<IResult> RenderAsync(WebRequest request) => await RenderAsync(request, FormErrors.None, StatusCodes.Status200OK);

    public static async Task<IResult> DecideAsync(WebRequest request, IFormCollection form)
    {
        var name = form["nomination"].ToString();
        var training = await ManagedProgrammes.TrainingAsync(request, TrainingIdOf(name));
        var change = new ChangeNominationStatusRequest { Name = name, Etag = form["etag"].ToString(), Reason = form["reason"].ToString().Trim() };
        var options = new CallOptions(cancellationToken: request.Aborted);
        try
        {
            var decided = form["decision"].ToString() == "approve"
                ? await request.Services.NominationClient.ApproveNominationAsync(change, options)
                : await request.Services.NominationClient.DeclineNominationAsync(change, options);
            return Results.Redirect($"/manager/nominations?decided={Uri.EscapeDataString(decided.Participant?.DisplayName ?? "")}&status={decided.Status}");
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            return await RenderAsync(request, FormErrors.From(e), ServiceErrors.HttpStatus(e), training.Name);
        }
    }

    private static async Task<IResult> RenderAsync(WebRequest request, FormErrors errors, int status, string? only = null)
    {
        var programmes = await ManagedProgrammes.ListAsync(request);
        var trainings = await ManagedProgrammes.TrainingsAsync(request, programmes.Select(p => p.Name));
        var filter = request.Query("training");
        var html = new StringBuilder(errors.SummaryBox());
        if (request.Query("decided") is { Length: > 0 } who)
        {
            html.Append($"<p class=\"notice\" role=\"status\">{E(who)}: {E(Words(Enum.TryParse<NominationStatus>(request.Query("status"), out var s) ? s : NominationStatus.Unspecified))}.</p>");
        }

        var any = false;
        foreach (var training in trainings.Where(t => (filter.Length == 0 || Formats.Id(t.Name) == filter) && (only is null || t.Name == only)))
        {
            var list = new ListNominationsRequest { Parent = training.Name, PageSize = 500 };
            list.Statuses.AddRange(Waiting);
            var nominations = (await request.Services.NominationClient.ListNominationsAsync(list, new CallOptions(cancellationToken: request.Aborted))).Nominations;
            if (nominations.Count == 0)
            {
                continue;
            }

            any = true;
            html.Append($"<section aria-labelledby=\"q-{E(Formats.Id(training.Name))}\"><h2 id=\"q-{E(Formats.Id(training.Name))}\">{E(training.Title)}</h2>")
                .Append($"<p class=\"lead\">{training.SeatsTaken}/{training.Seats} seats taken, {training.Waitlisted}/{training.WaitlistSize} waiting</p>")
                .Append("<div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Participant</th><th scope=\"col\">Organisation</th><th scope=\"col\">Country</th><th scope=\"col\">Job</th><th scope=\"col\">Decision</th></tr></thead><tbody>")
                .Append(Join(nominations, n => Row(request, n)))
                .Append("</tbody></table></div></section>");
        }

        if (!any)
        {
            html.Append("<p>No nominations are waiting for a decision.</p>");
        }

        return PageLayout.Render(request, "Nomination queue", html.ToString(), status);
    }

    private static string Row(WebRequest request, Nomination n)
    {
        var p = n.Participant ?? new Participant();
        var id = Formats.Id(n.Name);
        return $"<tr><td data-label=\"Participant\">{E(p.DisplayName)}<br><span class=\"lead\">{E(p.Email)}</span></td><td data-label=\"Organisation\">{E(n.NominatingOrganisation)}</td>" +
            $"<td data-label=\"Country\">{E(p.CountryCode)}</td><td data-label=\"Job\">{E(p.JobTitle)}</td><td data-label=\"Decision\"><div class=\"actions\">" +
            $"<form method=\"post\" action=\"/manager/nominations/decide\">{request.CsrfField}<input type=\"hidden\" name=\"nomination\" value=\"{E(n.Name)}\"><input type=\"hidden\" name=\"etag\" value=\"{E(n.Etag)}\"><input type=\"hidden\" name=\"decision\" value=\"approve\">" +
            $"<button type=\"submit\" aria-label=\"Approve {E(p.DisplayName)}\">Approve</button></form>" +
            $"<form method=\"post\" action=\"/manager/nominations/decide\">{request.CsrfField}<input type=\"hidden\" name=\"nomination\" value=\"{E(n.Name)}\"><input type=\"hidden\" name=\"etag\" value=\"{E(n.Etag)}\"><input type=\"hidden\" name=\"decision\" value=\"decline\">" +
            $"<label for=\"decline-{E(id)}\">Reason</label><input type=\"text\" id=\"decline-{E(id)}\" name=\"reason\">" +
            $"<button type=\"submit\" class=\"danger\" aria-label=\"Decline {E(p.DisplayName)}\">Decline</button></form></div></td></tr>";
    }

    /// <summary>"trainings/{t}/nominations/{n}" gives t.</summary>
    public static string TrainingIdOf(string nomination)
    {
        var parts = nomination.Split('/');
        return parts.Length == 4 && parts[0] == "trainings" && parts[2] == "nominations" ? parts[1]
            : throw RpcException.InvalidArgument($"Invalid nomination \"{nomination}\".", new FieldViolation("nomination", "must be trainings/{id}/nominations/{id}"));
    }
}
