using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>One programme with its organisations' names, its results framework and actuals, and its trainings.</summary>
public sealed class ProgrammeDetailData(NameDirectory names, Dashboard.ImpactDashboard dashboard)
{
    public sealed record IndicatorRow(string Result, string Indicator, string Baseline, string Target, string Actual);

    public sealed record View(Programme Programme, IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<Training> Trainings);

    public NameDirectory Names => names;

    public async Task<View> LoadAsync(WebRequest request, string id)
    {
        var programme = await request.Services.ProgrammeClient.GetProgrammeAsync(new GetProgrammeRequest { Name = $"programmes/{id}" }, new CallOptions(cancellationToken: request.Aborted));
        if (!ManagedProgrammes.Manages(request, programme))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"you do not manage {programme.Name}"));
        }

        var trainings = ManagedProgrammes.TrainingsAsync(request, [programme.Name]);
        var actuals = IndicatorActualsAsync(request, programme.Name);
        await names.LoadOrganisationsAsync(programme.ParticipatingOrganisations.Select(o => o.Organisation), request.Aborted);
        var progress = await actuals;
        var rows = programme.Results.SelectMany(r => r.Indicators.Select(i =>
        {
            var period = i.Periods.LastOrDefault(p => p.HasTarget);
            return new IndicatorRow(r.Title, i.Title, Formats.Number(i.Baseline?.Value), Formats.Number(period?.HasTarget == true ? period.Target : null),
                Actual(progress, r.ResultId, i.IndicatorId, period));
        })).ToList();
        return new View(programme, rows, await trainings);
    }

    /// <summary>
    /// Actuals as the dashboard and the IATI export compute them (<see cref="Dashboard.IndicatorActuals"/>), read
    /// from the gateway's dashboard for this programme in the manager's own (exact) view.
    /// </summary>
    private async Task<Dictionary<(string Result, string Indicator), Gateway.V1.IndicatorProgress>> IndicatorActualsAsync(WebRequest request, string programme)
    {
        var figures = await dashboard.GetAsync(new Gateway.V1.GetImpactDashboardRequest { Programmes = { programme } }, request.Aborted);
        return figures.Programmes.Where(p => p.Programme == programme).SelectMany(p => p.Indicators).ToDictionary(i => (i.ResultId, i.IndicatorId));
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
}
