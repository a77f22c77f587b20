using System.Globalization;
using CapacityHub.Gateway.Dashboard;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>
/// The funder dashboard's data: the gateway's <see cref="ImpactDashboard"/> (programmes, partners and the
/// Trainings service's metrics joined, funder view, so small cells arrive suppressed), read once for the
/// page and followed for live updates; and the list of funded programmes for the filter.
/// </summary>
public static class FunderDashboardData
{
    public static async Task<IReadOnlyList<Programme>> FundedAsync(WebRequest request)
    {
        var response = await request.Services.ProgrammeClient.ListProgrammesAsync(
            new ListProgrammesRequest { Funder = request.Organisation ?? "", PageSize = 500 }, new CallOptions(cancellationToken: request.Aborted));
        return response.Programmes;
    }

    public static async Task<ImpactFigures> LoadAsync(WebRequest request, ImpactFilters filters) =>
        Figures(await Dashboard(request).GetAsync(filters.Request(request.Organisation ?? ""), request.Aborted));

    public static async IAsyncEnumerable<ImpactFigures> WatchAsync(WebRequest request, ImpactFilters filters)
    {
        await foreach (var dashboard in Dashboard(request).WatchAsync(filters.Request(request.Organisation ?? ""), request.Aborted))
        {
            yield return Figures(dashboard);
        }
    }

    private static ImpactDashboard Dashboard(WebRequest request) => request.Http.RequestServices.GetRequiredService<ImpactDashboard>();

    private static ImpactFigures Figures(V1.ImpactDashboard dashboard)
    {
        var indicators = new List<IndicatorProgress>();
        foreach (var programme in dashboard.Programmes)
        {
            foreach (var indicator in programme.Indicators)
            {
                // The latest period with a target is the one a funder follows.
                if (indicator.Periods.LastOrDefault(p => p.HasTarget) is { } period)
                {
                    indicators.Add(new IndicatorProgress(programme.Title.Length > 0 ? programme.Title : programme.Code, indicator.Title, indicator.Baseline?.Value ?? 0,
                        period.Target, period.HasActual ? period.Actual : null, period.Computed));
                }
            }
        }

        var costs = Costs(dashboard.Costs);
        var reach = dashboard.ReachByCountry
            .Where(c => !c.Suppressed && c.HasParticipants)
            .Select(c => (c.CountryCode, c.Participants))
            .OrderByDescending(c => c.Participants).ThenBy(c => c.CountryCode, StringComparer.Ordinal)
            .ToList();
        var programmes = dashboard.Programmes
            .Select(p => new ProgrammeFigures(p.Title, p.Code, p.Status, p.RecipientCountries, p.Metrics ?? new Trainings.V1.ImpactMetrics(), Costs(p.Costs)))
            .OrderBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new ImpactFigures(dashboard.Metrics ?? new Trainings.V1.ImpactMetrics(), indicators, costs, reach, programmes);
    }

    private static List<CostPerParticipant> Costs(IEnumerable<V1.CostPerParticipant> costs) => costs
        .Where(c => c.Budget is not null && decimal.TryParse(c.Budget.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        .Select(c => new CostPerParticipant(c.Budget.CurrencyCode, decimal.Parse(c.Budget.Amount, NumberStyles.Number, CultureInfo.InvariantCulture), c.HasPerParticipant ? c.PerParticipant : null))
        .ToList();
}
