using CapacityHub.Gateway.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Tests.Data;

[Collection(RunningSystemCollection.Name)]
public sealed class DashboardTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task DashboardFiguresAreTheTrainingsServicesOwn()
    {
        var dashboard = await system.CallAsync<ImpactDashboard>(HttpMethod.Get, $"/api/v1/impactDashboard?programmes={S.Programme.Name}", S.Manager);
        var own = await TrainingsMetricsAsync(S.Manager, period: null);
        var inPeriod = await TrainingsMetricsAsync(S.Manager, new Common.V1.DateRange { StartDate = Scenario.D(2027, 1, 1), EndDate = Scenario.D(2027, 12, 31) });

        Assert.Equal(own, dashboard.Metrics);
        var programme = Assert.Single(dashboard.Programmes);
        Assert.Equal(own, programme.Metrics);
        Assert.True(own.UniqueParticipants.Value >= 6, $"unique participants {own.UniqueParticipants}");
        var cost = Assert.Single(dashboard.Costs);
        Assert.Equal("JPY", cost.Budget.CurrencyCode);
        Assert.Equal(1_200_000 / own.UniqueParticipants.Value, cost.PerParticipant, 6);
        var reach = Assert.Single(dashboard.ReachByCountry, r => r.CountryCode == "TH");
        Assert.Equal(own.FemaleShareByCountry["TH"].Denominator, reach.Participants);
        var participants = programme.Indicators.Single(i => i.Metric == Programmes.V1.ImpactMetric.UniqueParticipants).Periods.Single();
        Assert.True(participants.Computed);
        Assert.Equal(inPeriod.UniqueParticipants.Value, participants.Actual);
        Assert.Equal(inPeriod.UniqueParticipants.Value / 12, participants.Progress, 6);
        var women = programme.Indicators.Single(i => i.Metric == Programmes.V1.ImpactMetric.FemaleShare).Periods.Single();
        Assert.Equal(inPeriod.FemaleShare.Value * 100, women.Actual, 6);
        Assert.Contains(dashboard.Organisations, o => o.Organisation == S.ThaiPartner.Name && o.CountryCode == "TH" && o.Type == Partners.V1.OrganisationType.Csirt);
    }

    [Fact]
    public async Task FundersGetOnlyTheirProgrammesWithSmallCellsSuppressed()
    {
        var dashboard = await system.CallAsync<ImpactDashboard>(HttpMethod.Get, "/api/v1/impactDashboard", S.FunderUser);
        var own = await TrainingsMetricsAsync(S.FunderUser, period: null);
        var stranger = S.FunderUser with { OrganisationId = "someone-else" };
        var nothing = await system.CallAsync<ImpactDashboard>(HttpMethod.Get, "/api/v1/impactDashboard", stranger);
        var foreign = await system.SendAsync(HttpMethod.Get, $"/api/v1/impactDashboard?funder=organisations/someone-else", S.FunderUser);

        Assert.True(dashboard.SuppressionApplied);
        Assert.Equal(S.Programme.Name, Assert.Single(dashboard.Programmes).Programme);
        Assert.Equal(own, dashboard.Metrics);
        Assert.Empty(nothing.Programmes);
        Assert.Equal(403, foreign.Status);
    }

    [Fact]
    public async Task WatchOverGrpcSendsTheDashboardAgainWhenOutcomesArrive()
    {
        using var channel = system.GatewayChannel();
        var client = new DashboardService.DashboardServiceClient(channel);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var request = new GetImpactDashboardRequest { Programmes = { S.Programme.Name } };
        var options = RunningSystem.Bearer(system.TokenFor(S.Manager)).WithDeadline(DateTime.UtcNow.AddSeconds(60)).WithCancellationToken(timeout.Token);
        using var watch = client.WatchImpactDashboard(request, options);

        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        var first = watch.ResponseStream.Current;
        var nomination = S.Nominations[^1];
        await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{nomination.Name}:recordReaction", S.Manager,
            new RecordReactionRequest { Reaction = new ReactionEvaluation { Satisfaction = 5, Relevance = 5 } });
        ImpactDashboard next;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            next = watch.ResponseStream.Current;
        }
        while (next.Metrics.MeanSatisfaction.Denominator == first.Metrics.MeanSatisfaction.Denominator);

        Assert.Equal(first.Metrics.MeanSatisfaction.Denominator + 1, next.Metrics.MeanSatisfaction.Denominator);
        Assert.Equal(await TrainingsMetricsAsync(S.Manager, null), next.Metrics);
        var once = await client.GetImpactDashboardAsync(request, RunningSystem.Bearer(system.TokenFor(S.Manager)));
        Assert.Equal(next.Metrics, once.Metrics);
    }

    [Fact]
    public async Task GrpcDashboardNeedsABearerToken()
    {
        using var channel = system.GatewayChannel();
        var client = new DashboardService.DashboardServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetImpactDashboardAsync(new GetImpactDashboardRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30))).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    /// <summary>What the Trainings service itself answers this user, asked directly as the gateway would.</summary>
    private async Task<ImpactMetrics> TrainingsMetricsAsync(CallerIdentity caller, Common.V1.DateRange? period)
    {
        var (channel, options) = system.Service("trainings", caller);
        using (channel)
        {
            var request = new GetImpactMetricsRequest { Period = period, FunderView = caller.Role == CallerRole.Funder };
            request.Programmes.Add(S.Programme.Name);
            return await new ImpactService.ImpactServiceClient(channel).GetImpactMetricsAsync(request, options);
        }
    }
}
