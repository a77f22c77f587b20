using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using Google.Protobuf.Reflection;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>
/// Through the gateway of the running system: a partner agency never reads or changes another's
/// nominations or outcome reports; a funder gets only suppressed aggregates of the programmes it funds.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class DataIsolationTests(RunningSystem system) : IAsyncLifetime
{
    private IsolationScenario data = null!;

    public async Task InitializeAsync() => data = await IsolationScenario.CreateAsync(system);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APartnerCannotReadAnotherPartnersNomination()
    {
        var own = await data.Nominations.GetNominationAsync(new GetNominationRequest { Name = data.NominationTh.Name }, data.As(data.PartnerTh));
        var error = await Denied(() => data.Nominations.GetNominationAsync(new GetNominationRequest { Name = data.NominationMy.Name }, data.As(data.PartnerTh)).ResponseAsync);

        Assert.Equal("somchai@th.example", own.Participant.Email);
        Assert.DoesNotContain("aisyah", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartnerListsOnlyItsOwnNominations()
    {
        var th = await data.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = data.Training, PageSize = 100 }, data.As(data.PartnerTh));
        var manager = await data.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = data.Training, PageSize = 100 }, data.As(data.Manager));

        Assert.Equal([data.NominationTh.Name], th.Nominations.Select(n => n.Name).ToArray());
        Assert.Equal(2, manager.Nominations.Count);
    }

    [Fact]
    public async Task APartnerCannotChangeAnotherPartnersNomination()
    {
        await Denied(() => data.Nominations.WithdrawNominationAsync(new ChangeNominationStatusRequest { Name = data.NominationMy.Name, Reason = "not mine" }, data.As(data.PartnerTh)).ResponseAsync);
        await Denied(() => data.Nominations.RecordReactionAsync(new RecordReactionRequest { Name = data.NominationMy.Name, Reaction = new ReactionEvaluation { Satisfaction = 1, Relevance = 1 } }, data.As(data.PartnerTh)).ResponseAsync);

        var unchanged = await data.Nominations.GetNominationAsync(new GetNominationRequest { Name = data.NominationMy.Name }, data.As(data.PartnerMy));
        Assert.Equal(data.NominationMy.Status, unchanged.Status);
        Assert.Equal(data.NominationMy.Etag, unchanged.Etag);
    }

    [Fact]
    public async Task APartnerCannotReadListOrChangeAnotherPartnersOutcomeReport()
    {
        await Denied(() => data.Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = data.ReportMy.Name }, data.As(data.PartnerTh)).ResponseAsync);
        await Denied(() => data.Reports.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = data.ReportMy.Name, RequestId = Guid.NewGuid().ToString() }, data.As(data.PartnerTh)).ResponseAsync);
        await Denied(() => data.Reports.ListOutcomeReportsAsync(new ListOutcomeReportsRequest { PartnerOrganisation = data.ReportMy.PartnerOrganisation }, data.As(data.PartnerTh)).ResponseAsync);
        var thList = await data.Reports.ListOutcomeReportsAsync(new ListOutcomeReportsRequest { Programme = data.Programme }, data.As(data.PartnerTh));

        Assert.DoesNotContain(thList.OutcomeReports, r => r.Name == data.ReportMy.Name);
        var own = await data.Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = data.ReportMy.Name }, data.As(data.PartnerMy));
        Assert.Equal(data.ReportMy.Etag, own.Etag);
    }

    [Fact]
    public async Task AFunderNeverReachesNominationsOrReports()
    {
        var nomination = await Denied(() => data.Nominations.GetNominationAsync(new GetNominationRequest { Name = data.NominationTh.Name }, data.As(data.Funder)).ResponseAsync);
        var report = await Denied(() => data.Reports.GetOutcomeReportAsync(new GetOutcomeReportRequest { Name = data.ReportMy.Name }, data.As(data.Funder)).ResponseAsync);

        Assert.Contains("at the gateway", nomination.Detail, StringComparison.Ordinal);
        Assert.Contains("at the gateway", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFunderGetsSuppressedAggregatesOfTheProgrammesItFundsOnly()
    {
        var own = await data.Impact.GetImpactMetricsAsync(new GetImpactMetricsRequest { Funder = "organisations/" + data.Funder.OrganisationId }, data.As(data.Funder));
        var exact = await data.Impact.GetImpactMetricsAsync(new GetImpactMetricsRequest { Programmes = { data.Programme } }, data.As(data.Manager));
        // A programme the funder does not fund is refused, not answered with zeros.
        var unfunded = await Denied(() => data.Impact.GetImpactMetricsAsync(new GetImpactMetricsRequest { Programmes = { data.OtherProgramme }, Funder = "organisations/" + data.Funder.OrganisationId }, data.As(data.Funder)).ResponseAsync);
        await Denied(() => data.Impact.GetImpactMetricsAsync(new GetImpactMetricsRequest { Funder = "organisations/someone-else" }, data.As(data.Funder)).ResponseAsync);

        Assert.True(own.SuppressionApplied);
        Assert.True(own.MinimumCellCount >= 5);
        Assert.Empty(SmallVisibleCells(own));
        Assert.True(SmallVisibleCells(exact).Count > 0, $"the exact view shows no small cell: {exact}");
        Assert.Equal(1, own.TrainingsCounted);
        Assert.Contains(data.OtherProgramme, unfunded.Detail, StringComparison.Ordinal);
    }

    /// <summary>Reporting discipline counts reports of organisations, not people: never suppressed (ImpactCalculator).</summary>
    private static readonly HashSet<string> AboutOrganisations = ["reports_received", "reports_on_time"];

    /// <summary>Every metric about people (also inside breakdowns) that shows a figure over fewer than five of them.</summary>
    private static List<string> SmallVisibleCells(ImpactMetrics metrics)
    {
        var found = new List<string>();
        foreach (var field in ImpactMetrics.Descriptor.Fields.InFieldNumberOrder().Where(f => !AboutOrganisations.Contains(f.Name)))
        {
            var value = field.Accessor.GetValue(metrics);
            if (value is Metric metric && Small(metric))
            {
                found.Add(field.Name);
            }
            else if (field.IsMap && value is System.Collections.IDictionary map)
            {
                found.AddRange(map.Keys.Cast<object>().Where(k => map[k] is Metric m && Small(m)).Select(k => $"{field.Name}[{k}]"));
            }
        }

        return found;
    }

    private static bool Small(Metric metric) => !metric.Suppressed && metric.Denominator is > 0 and < 5;

    private static async Task<RpcException> Denied(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        return error;
    }
}
