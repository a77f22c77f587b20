using CapacityHub.Gateway.Web.Shell;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Partner;

/// <summary>Every participant the agency has nominated, across trainings; only its own people.</summary>
public static class OurNominationsPage
{
    public static async Task<IResult> RenderAsync(WebRequest request)
    {
        var ours = await PartnerTrainings.OursAsync(request);
        var body = ours.Count == 0 ? "<p>You have not nominated anyone yet. See <a href=\"/partner/trainings\">open trainings</a>.</p>" :
            "<div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Participant</th><th scope=\"col\">Training</th><th scope=\"col\">Status</th><th scope=\"col\">Completion</th></tr></thead><tbody>" +
            Join(ours, n =>
            {
                var training = n.Name[..n.Name.IndexOf("/nominations/", StringComparison.Ordinal)];
                var completion = n.Learning?.Completion is { } c ? $"{c.DaysAttended}/{c.DaysScheduled} days{(c.Completed ? ", completed" : "")}" : "–";
                return $"<tr><td data-label=\"Participant\">{E(n.Participant?.DisplayName)}</td><td data-label=\"Training\"><a href=\"/partner/{E(training)}\">{E(Formats.Id(training))}</a></td>" +
                    $"<td data-label=\"Status\"><span class=\"status\">{E(Words(n.Status))}</span></td><td data-label=\"Completion\">{E(completion)}</td></tr>";
            }) + "</tbody></table></div>";
        return PageLayout.Render(request, "Our participants", body);
    }
}
