using System.Runtime.CompilerServices;
using CapacityHub.Common.V1;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Gateway.Dashboard;

/// <summary>
/// The impact dashboard of the signed-in user, joined from the three services: programmes (titles,
/// results frameworks, budgets), partners (names, countries, types) and the Trainings service's impact
/// metrics. Every figure is the Trainings service's own; this class adds only the joins, cost per
/// participant and indicator progress. The web app calls it directly; DashboardApi serves it over gRPC.
/// </summary>
public sealed class ImpactDashboard(ServiceBackends backends, DashboardScopes scopes, IHttpContextAccessor http, CallerClaims claims, TimeProvider clock)
{
    public async Task<V1.ImpactDashboard> GetAsync(GetImpactDashboardRequest request, CancellationToken cancellationToken = default)
    {
        var scope = await scopes.ResolveAsync(CurrentCaller(), request, cancellationToken);
        if (scope.Programmes.Count == 0)
        {
            return Empty(scope);
        }

        var metrics = await backends.ImpactClient.GetImpactMetricsAsync(MetricsRequest(scope, request, scope.Programmes, request.Period), Options(cancellationToken));
        return await ComposeAsync(scope, request, metrics, cancellationToken);
    }

    /// <summary>
    /// The dashboard now, then again after each change the Trainings service pushes for the same filters.
    /// The covered programmes are decided once, when the watch starts.
    /// </summary>
    public async IAsyncEnumerable<V1.ImpactDashboard> WatchAsync(GetImpactDashboardRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var scope = await scopes.ResolveAsync(CurrentCaller(), request, cancellationToken);
        if (scope.Programmes.Count == 0)
        {
            // Nothing to follow: one empty dashboard, then the stream stays open until the caller leaves.
            yield return Empty(scope);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }

        using var call = backends.ImpactClient.WatchImpactMetrics(MetricsRequest(scope, request, scope.Programmes, request.Period), Options(cancellationToken));
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            yield return await ComposeAsync(scope, request, call.ResponseStream.Current, cancellationToken);
        }
    }

    private async Task<V1.ImpactDashboard> ComposeAsync(DashboardScope scope, GetImpactDashboardRequest request, ImpactMetrics metrics, CancellationToken cancellationToken)
    {
        var perProgramme = scope.Programmes.Select(p => ProgrammeAsync(scope, request, p, cancellationToken)).ToArray();
        var organisations = OrganisationsAsync(scope.Programmes, cancellationToken);
        var dashboard = new V1.ImpactDashboard
        {
            Metrics = metrics,
            SuppressionApplied = metrics.SuppressionApplied,
            MinimumCellCount = metrics.MinimumCellCount,
            ComputeTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
        dashboard.ReachByCountry.AddRange(ReachByCountry(metrics));
        dashboard.Costs.AddRange(await CostsAsync(scope, request, scope.Programmes, metrics, cancellationToken));
        dashboard.Programmes.AddRange(await Task.WhenAll(perProgramme));
        dashboard.Organisations.AddRange(await organisations);
        return dashboard;
    }

    private async Task<ProgrammeImpact> ProgrammeAsync(DashboardScope scope, GetImpactDashboardRequest request, Programme programme, CancellationToken cancellationToken)
    {
        var metrics = await backends.ImpactClient.GetImpactMetricsAsync(MetricsRequest(scope, request, [programme], request.Period), Options(cancellationToken));
        var impact = new ProgrammeImpact
        {
            Programme = programme.Name,
            Code = programme.Code,
            Title = programme.Title,
            Status = programme.Status,
            Metrics = metrics,
        };
        impact.RecipientCountries.AddRange(programme.RecipientCountries);
        impact.Funders.AddRange(programme.ParticipatingOrganisations.Where(o => o.Role == OrganisationRole.Funding).Select(o => o.Organisation));
        impact.Costs.AddRange(await CostsAsync(scope, request, [programme], metrics, cancellationToken));
        impact.Indicators.AddRange(await IndicatorsAsync(scope, request, programme, cancellationToken));
        return impact;
    }

    /// <summary>
    /// Budgets are programme-wide: dividing them by one country's or organisation's people would overstate the
    /// cost, so with those filters the divisor is everyone in view without them, and the cost says so.
    /// </summary>
    private async Task<IEnumerable<CostPerParticipant>> CostsAsync(DashboardScope scope, GetImpactDashboardRequest request, IReadOnlyList<Programme> programmes, ImpactMetrics filtered, CancellationToken cancellationToken)
    {
        var budgets = ProgrammeCosts.Budgets(programmes, scope.Funder, request.Period);
        var narrowed = request.CountryCode.Length > 0 || request.Organisation.Length > 0;
        if (!narrowed || budgets.Count == 0)
        {
            return ProgrammeCosts.PerParticipant(budgets, filtered);
        }

        var wide = MetricsRequest(scope, request, programmes, request.Period);
        wide.CountryCode = "";
        wide.Organisation = request.Organisation.Length == 0 ? scope.Organisation ?? "" : "";
        var basis = await backends.ImpactClient.GetImpactMetricsAsync(wide, Options(cancellationToken));
        return ProgrammeCosts.PerParticipant(budgets, basis).Select(c =>
        {
            c.ProgrammeWide = true;
            return c;
        }).ToList();
    }

    /// <summary>Actuals of metric-based indicators from the metrics of each indicator period (same participant filters).</summary>
    private async Task<IEnumerable<IndicatorProgress>> IndicatorsAsync(DashboardScope scope, GetImpactDashboardRequest request, Programme programme, CancellationToken cancellationToken)
    {
        var periods = programme.Results.SelectMany(r => r.Indicators)
            .Where(i => i.Metric != ImpactMetric.Unspecified)
            .SelectMany(i => i.Periods)
            .Where(p => p.Period is not null)
            .Select(p => p.Period)
            .Distinct()
            .ToArray();
        var byPeriod = new Dictionary<DateRange, ImpactMetrics>();
        var readings = await Task.WhenAll(periods.Select(p =>
            backends.ImpactClient.GetImpactMetricsAsync(MetricsRequest(scope, request, [programme], p), Options(cancellationToken)).ResponseAsync));
        for (var i = 0; i < periods.Length; i++)
        {
            byPeriod[periods[i]] = readings[i];
        }

        var result = new List<IndicatorProgress>();
        foreach (var outcome in programme.Results)
        {
            foreach (var indicator in outcome.Indicators)
            {
                var progress = new IndicatorProgress
                {
                    ResultId = outcome.ResultId,
                    ResultTitle = outcome.Title,
                    ResultType = outcome.Type,
                    IndicatorId = indicator.IndicatorId,
                    Title = indicator.Title,
                    Measure = indicator.Measure,
                    Ascending = indicator.Ascending,
                    Metric = indicator.Metric,
                    Baseline = indicator.Baseline,
                };
                foreach (var period in indicator.Periods)
                {
                    progress.Periods.Add(PeriodProgress(indicator, period, period.Period is { } p ? byPeriod.GetValueOrDefault(p) : null));
                }

                result.Add(progress);
            }
        }

        return result;
    }

    private static IndicatorPeriodProgress PeriodProgress(Indicator indicator, IndicatorPeriod period, ImpactMetrics? metrics)
    {
        var progress = new IndicatorPeriodProgress { Period = period.Period };
        if (period.HasTarget)
        {
            progress.Target = period.Target;
        }

        double? actual = period.HasActual ? period.Actual : null;
        if (indicator.Metric != ImpactMetric.Unspecified && metrics is not null)
        {
            var reading = IndicatorActuals.Read(indicator.Metric, indicator.Measure, metrics);
            actual = reading.Value;
            progress.Computed = true;
            progress.Suppressed = reading.Suppressed;
        }

        if (actual is { } value)
        {
            progress.Actual = value;
        }

        if (IndicatorActuals.Progress(actual, period.HasTarget ? period.Target : null, indicator.Baseline?.Value ?? 0) is { } ratio)
        {
            progress.Progress = ratio;
        }

        return progress;
    }

    private async Task<IEnumerable<PartnerOrganisation>> OrganisationsAsync(IReadOnlyList<Programme> programmes, CancellationToken cancellationToken)
    {
        var roles = programmes.SelectMany(p => p.ParticipatingOrganisations)
            .GroupBy(o => o.Organisation, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Role).Distinct().Order().ToArray(), StringComparer.Ordinal);
        if (roles.Count == 0)
        {
            return [];
        }

        var request = new BatchGetOrganisationsRequest { AllowMissing = true };
        request.Names.AddRange(roles.Keys);
        var found = await backends.PartnerClient.BatchGetOrganisationsAsync(request, Options(cancellationToken));
        return found.Organisations
            .Select(o =>
            {
                var partner = new PartnerOrganisation
                {
                    Organisation = o.Name,
                    DisplayName = o.DisplayName,
                    Acronym = o.Acronym,
                    Type = o.Type,
                    CountryCode = o.CountryCode,
                };
                partner.Roles.AddRange(roles.GetValueOrDefault(o.Name) ?? []);
                return partner;
            })
            .OrderBy(o => o.DisplayName, StringComparer.Ordinal);
    }

    private static IEnumerable<CountryReach> ReachByCountry(ImpactMetrics metrics) =>
        metrics.FemaleShareByCountry.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
        {
            var reach = new CountryReach { CountryCode = c.Key, FemaleShare = c.Value, Suppressed = c.Value.Suppressed };
            if (!c.Value.Suppressed)
            {
                reach.Participants = c.Value.Denominator;
            }

            return reach;
        });

    private static GetImpactMetricsRequest MetricsRequest(DashboardScope scope, GetImpactDashboardRequest request, IEnumerable<Programme> programmes, DateRange? period)
    {
        var metrics = new GetImpactMetricsRequest
        {
            CountryCode = request.CountryCode,
            Organisation = scope.Organisation ?? "",
            Period = period,
            FunderView = scope.FunderView,
        };
        metrics.Programmes.AddRange(programmes.Select(p => p.Name));
        return metrics;
    }

    private V1.ImpactDashboard Empty(DashboardScope scope) => new()
    {
        Metrics = new ImpactMetrics { SuppressionApplied = scope.FunderView },
        SuppressionApplied = scope.FunderView,
        ComputeTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
    };

    private CallerIdentity CurrentCaller() =>
        (http.HttpContext is { } context ? claims.FromPrincipal(context.User) : null)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Sign in first: the impact dashboard is shown to signed-in users only."));

    private static CallOptions Options(CancellationToken cancellationToken) => new(cancellationToken: cancellationToken);
}
