using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Partner;

/// <summary>Trainings open to the partner's country that take nominations now, and the others it can see.</summary>
public static class OpenTrainingsPage
{
    public static async Task<IResult> RenderAsync(WebRequest request)
    {
        var trainings = await PartnerTrainings.OpenToUsAsync(request);
        var open = trainings.Where(t => t.Status == TrainingStatus.OpenForNomination).ToList();
        var others = trainings.Where(t => t.Status != TrainingStatus.OpenForNomination).ToList();
        var body = $"<p class=\"lead\">Trainings open to participants from {E(request.Caller.CountryCode)}.</p>" +
            "<h2>Taking nominations</h2>" + Table(request, open, "No training is taking nominations from your country right now.") +
            "<h2>Other trainings</h2>" + Table(request, others, "None.");
        return PageLayout.Render(request, "Open trainings", body);
    }

    private static string Table(WebRequest request, IReadOnlyList<Training> trainings, string empty) => trainings.Count == 0 ? $"<p>{E(empty)}</p>" :
        "<div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Training</th><th scope=\"col\">Where</th><th scope=\"col\">First day (your time)</th><th scope=\"col\">Deadline (your time)</th><th scope=\"col\" class=\"num\">Seats left</th><th scope=\"col\">Your quota left</th><th scope=\"col\">Status</th></tr></thead><tbody>" +
        Join(trainings, t =>
        {
            var first = t.SessionDays.FirstOrDefault(d => d.StartInstant is not null);
            return $"<tr><td data-label=\"Training\"><a href=\"/partner/trainings/{E(Formats.Id(t.Name))}\">{E(t.Title)}</a></td><td data-label=\"Where\">{E(t.Venue?.City ?? "")} {E(t.Venue?.CountryCode ?? "")}</td>" +
                $"<td data-label=\"First day\">{(first is null ? "–" : E(ViewerZone.Format(Formats.ToInstant(first.StartInstant), request.Zone.Zone)))}</td>" +
                $"<td data-label=\"Deadline\">{(t.NominationDeadline is null ? "–" : E(ViewerZone.Format(Formats.ToInstant(t.NominationDeadline), request.Zone.Zone)))}</td>" +
                $"<td class=\"num\" data-label=\"Seats left\">{Math.Max(0, t.Seats - t.SeatsTaken)}</td><td data-label=\"Your quota left\">{E(QuotaText(t))}</td><td data-label=\"Status\"><span class=\"status\">{E(Words(t.Status))}</span></td></tr>";
        }) + "</tbody></table></div>";

    /// <summary>What the Trainings service says is left of the quotas that apply to this partner, e.g. "TH: 0 of 3 (used up)".</summary>
    public static string QuotaText(Training t) => t.QuotasLeft.Count == 0 ? "no quota" :
        string.Join("; ", t.QuotasLeft.Select(q =>
            $"{(q.Scope == QuotaScope.Country ? q.Key : "your organisation")}: {q.Left} of {q.Seats}{(q.Left == 0 ? " (used up)" : "")}"));
}
