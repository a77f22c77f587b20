using System.Globalization;
using System.Text.RegularExpressions;
using CapacityHub.Gateway.V1;

namespace CapacityHub.Gateway.Tests.Data;

/// <summary>
/// Indicator actuals are computed once (the gateway's IndicatorActuals over the Trainings service's metrics):
/// the manager's programme page shows the same actuals as the dashboard, no longer "–".
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed partial class IndicatorActualTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task TheManagersProgrammePageShowsTheDashboardsComputedActuals()
    {
        var (status, page) = await system.SendAsync(HttpMethod.Get, $"/manager/programmes/{Scenario.Id(S.Programme.Name)}", S.Manager);
        var dashboard = await system.CallAsync<ImpactDashboard>(HttpMethod.Get, $"/api/v1/impactDashboard?programmes={S.Programme.Name}", S.Manager);

        Assert.Equal(200, status);
        var expected = Assert.Single(dashboard.Programmes).Indicators.Select(i => i.Periods.Single().Actual.ToString("0.##", CultureInfo.InvariantCulture)).ToArray();
        var shown = ActualCell().Matches(page).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(expected, shown);
        Assert.DoesNotContain("–", shown);
    }

    [GeneratedRegex("data-label=\"Actual\">([^<]*)</td>")]
    private static partial Regex ActualCell();
}
