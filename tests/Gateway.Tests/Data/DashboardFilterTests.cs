using CapacityHub.Gateway.V1;

namespace CapacityHub.Gateway.Tests.Data;

/// <summary>
/// The dashboard's figures respect the filters they claim to: unknown filter values are refused naming the
/// parameter, suppressed cells are empty (never 0), a programme the funder does not fund is refused, and
/// budgets, which are programme-wide, are not divided by one country's people.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class DashboardFilterTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task SuppressedCellsInTheCsvAreEmptyAndFlaggedNeverZero()
    {
        var (status, csv) = await system.SendAsync(HttpMethod.Get, "/funder/impact.csv", S.FunderUser);

        Assert.Equal(200, status);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        // Six people, three of them women: the women's count (3) is under 5, so the share is hidden.
        Assert.Contains("female_share,,,,true", rows);
        Assert.All(rows.Where(r => r.EndsWith(",true", StringComparison.Ordinal)), r => Assert.EndsWith(",,,,true", r, StringComparison.Ordinal));
        Assert.Contains("unique_participants,5,5,5,false", rows); // 6 people are published as 5
    }

    [Theory]
    [InlineData("year=abc", "year")]
    [InlineData("year=20266", "year")]
    [InlineData("country=XQ", "country")]
    [InlineData("programme=no%20such", "programme")]
    [InlineData("tz=Not/AZone", "tz")]
    public async Task AnUnknownFilterValueIsABadRequestNamingTheParameter(string query, string parameter)
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, "/funder/impact?" + query, S.FunderUser);

        Assert.Equal(400, status);
        Assert.Contains($"&quot;{parameter}&quot;", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFunderAskingForAProgrammeItDoesNotFundIsDenied()
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, "/api/v1/impactDashboard?programmes=programmes/not-funded-by-you", S.FunderUser);

        Assert.Equal(403, status);
        Assert.Contains("programmes/not-funded-by-you", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACountryFilterTheCostPerParticipantIsProgrammeWideAndSaysSo()
    {
        var all = await system.CallAsync<ImpactDashboard>(HttpMethod.Get, $"/api/v1/impactDashboard?programmes={S.Programme.Name}", S.Manager);
        var malaysia = await system.CallAsync<ImpactDashboard>(HttpMethod.Get, $"/api/v1/impactDashboard?programmes={S.Programme.Name}&countryCode=MY", S.Manager);

        var cost = Assert.Single(malaysia.Costs);
        Assert.True(cost.ProgrammeWide);
        Assert.False(Assert.Single(all.Costs).ProgrammeWide);
        Assert.Equal(Assert.Single(all.Costs).PerParticipant, cost.PerParticipant);
    }
}
