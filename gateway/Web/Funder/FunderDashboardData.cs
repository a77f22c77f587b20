using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.Rpc;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>
/// Gathers the funder dashboard: the programmes the funder funds (Programmes service) and the impact
/// metrics over them (Trainings service, funder view, so small cells arrive already suppressed).
/// </summary>
public static class FunderDashboardData
{
    public static async Task<IReadOnlyList<Programme>> FundedAsync(WebRequest request)
    {
        var response = await request.Services.ProgrammeClient.ListProgrammesAsync(
            new ListProgrammesRequest { Funder = request.Organisation ?? "", PageSize = 500 }, new CallOptions(CancellationToken: request.Aborted));
        return response.Programmes;
    }

    public static async Task<ImpactFigures> LoadAsync(WebRequest request, ImpactFilters filters, IReadOnlyList<Programme> funded, ImpactMetrics? metrics = null)
    {
        var options = new CallOptions(CancellationToken: request.Aborted);
        var funder = request.Organisation ?? "";
        metrics ??= await request.Services.ImpactClient.GetImpactMetricsAsync(filters.Request(funder), options);
        var inView = funded.Where(p => filters.Programme.Length == 0 || Formats.Id(p.Name) == filters.Programme).ToList();
        var indicators = new List<IndicatorProgress>();
        foreach (var programme in inView)
        {
            ImpactMetrics? own = null;
            foreach (var indicator in programme.Results.SelectMany(r => r.Indicators))
            {
                var period = indicator.Periods.LastOrDefault(p => p.HasTarget);
                if (period is null)
                {
                    continue;
                }

                double? actual = null;
                var computed = false;
                if (indicator.Metric != ImpactMetric.Unspecified)
                {
                    own ??= inView.Count == 1 ? metrics : await request.Services.ImpactClient.GetImpactMetricsAsync(filters.Request(funder, programme.Name), options);
                    actual = ImpactFigures.FromMetric(indicator.Metric, own);
                    computed = true;
                }
                else if (period.HasActual)
                {
                    actual = period.Actual;
                }

                indicators.Add(new IndicatorProgress(programme.Code, indicator.Title, indicator.Baseline?.Value ?? 0, period.Target, actual, computed));
            }
        }

        return new ImpactFigures(metrics, indicators, ImpactFigures.CostsOf(inView, metrics));
    }
}
