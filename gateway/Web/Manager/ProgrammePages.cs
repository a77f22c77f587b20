using System.Text;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>The manager's programmes: the list, and one programme with its results framework and trainings.</summary>
public static class ProgrammePages
{
    public static async Task<IResult> ListAsync(WebRequest request)
    {
        var programmes = await ManagedProgrammes.ListAsync(request);
        var rows = Join(programmes, p =>
            $"<tr><td data-label=\"Code\">{E(p.Code)}</td><td data-label=\"Programme\"><a href=\"/manager/programmes/{E(Formats.Id(p.Name))}\">{E(p.Title)}</a></td>" +
            $"<td data-label=\"Status\"><span class=\"status\">{E(Words(p.Status))}</span></td><td data-label=\"Period\">{E(Formats.Range(p.PlannedPeriod))}</td>" +
            $"<td data-label=\"Countries\">{E(string.Join(", ", p.RecipientCountries))}</td></tr>");
        var body = programmes.Count == 0
            ? "<p>You do not manage any programme yet.</p>"
            : $"<div class=\"table-wrap\"><table class=\"responsive\"><caption class=\"lead\">{programmes.Count} programme(s) you manage</caption><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Programme</th><th scope=\"col\">Status</th><th scope=\"col\">Planned period</th><th scope=\"col\">Recipient countries</th></tr></thead><tbody>{rows}</tbody></table></div>";
        return PageLayout.Render(request, "Programmes", body);
    }

    /// <summary>
    /// Actuals as the dashboard and the IATI export compute them (<see cref="Dashboard.IndicatorActuals"/>), read
    /// from the gateway's dashboard for this programme in the manager's own (exact) view.
    /// </summary>
    private static async Task<Dictionary<(string Result, string Indicator), Gateway.V1.IndicatorProgress>> IndicatorActualsAsync(WebRequest request, string programme)
    {
        var dashboard = await request.Http.RequestServices.GetRequiredService<Dashboard.ImpactDashboard>()
            .GetAsync(new Gateway.V1.GetImpactDashboardRequest { Programmes = { programme } }, request.Aborted);
        return dashboard.Programmes.Where(p => p.Programme == programme).SelectMany(p => p.Indicators)
            .ToDictionary(i => (i.ResultId, i.IndicatorId));
    }

    private static string Actual(Dictionary<(string Result, string Indicator), Gateway.V1.IndicatorProgress> actuals, string result, string indicator, IndicatorPeriod? period)
    {
        var progress = actuals.GetValueOrDefault((result, indicator))?.Periods.FirstOrDefault(p => period is not null && Equals(p.Period, period.Period));
        return progress switch
        {
            { Suppressed: true } => "suppressed",
            { HasActual: true } => Formats.Number(progress.Actual),
            _ => Formats.Number(period?.HasActual == true ? period.Actual : null),
        };
    }

    public static async Task<IResult> DetailAsync(WebRequest request, string id)
    {
        var programme = await request.Services.ProgrammeClient.GetProgrammeAsync(new GetProgrammeRequest { Name = $"programmes/{id}" }, new CallOptions(cancellationToken: request.Aborted));
        if (!ManagedProgrammes.Manages(request, programme.Name))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"you do not manage {programme.Name}"));
        }

        var trainings = await ManagedProgrammes.TrainingsAsync(request, [programme.Name]);
        var actuals = await IndicatorActualsAsync(request, programme.Name);
        var html = new StringBuilder()
            .Append($"<p class=\"lead\">{E(programme.Code)} · <span class=\"status\">{E(Words(programme.Status))}</span> · planned {E(Formats.Range(programme.PlannedPeriod))}</p>")
            .Append($"<p>{E(programme.Description)}</p>")
            .Append("<h2>Participating organisations</h2><ul>")
            .Append(Join(programme.ParticipatingOrganisations, o =>
                $"<li>{E(o.Organisation)} — {E(Words(o.Role))}{(o.LocalRoles.Count > 0 ? " (" + E(string.Join(", ", o.LocalRoles.Select(Words))) + ")" : "")}</li>"))
            .Append("</ul><h2>Results framework</h2>");
        var indicators = programme.Results.SelectMany(r => r.Indicators.Select(i => (Result: r, Indicator: i))).ToList();
        html.Append(indicators.Count == 0 ? "<p>No indicators yet.</p>" :
            "<div class=\"table-wrap\"><table class=\"responsive\"><thead><tr><th scope=\"col\">Result</th><th scope=\"col\">Indicator</th><th scope=\"col\" class=\"num\">Baseline</th><th scope=\"col\" class=\"num\">Target</th><th scope=\"col\" class=\"num\">Actual</th></tr></thead><tbody>" +
            Join(indicators, x =>
            {
                var period = x.Indicator.Periods.LastOrDefault(p => p.HasTarget);
                return $"<tr><td data-label=\"Result\">{E(x.Result.Title)}</td><td data-label=\"Indicator\">{E(x.Indicator.Title)}</td>" +
                    $"<td class=\"num\" data-label=\"Baseline\">{Formats.Number(x.Indicator.Baseline?.Value)}</td><td class=\"num\" data-label=\"Target\">{Formats.Number(period?.HasTarget == true ? period.Target : null)}</td>" +
                    $"<td class=\"num\" data-label=\"Actual\">{Actual(actuals, x.Result.ResultId, x.Indicator.IndicatorId, period)}</td></tr>";
            }) + "</tbody></table></div>");
        html.Append("<h2>Trainings</h2>")
            .Append($"<p><a class=\"button\" href=\"/manager/schedule?programme={E(Formats.Id(programme.Name))}\">Schedule a training in this programme</a></p>")
            .Append(trainings.Count == 0 ? "<p>No trainings yet.</p>" : "<ul>" + Join(trainings, t =>
                $"<li><a href=\"/manager/trainings/{E(Formats.Id(t.Name))}\">{E(t.Title)}</a> — <span class=\"status\">{E(Words(t.Status))}</span>, {t.SessionDays.Count} session day(s), {t.SeatsTaken}/{t.Seats} seats</li>") + "</ul>");
        return PageLayout.Render(request, programme.Title, html.ToString());
    }
}
