using System.Globalization;
using CapacityHub.Trainings.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CapacityHub.Browser.Tests;

/// <summary>The JAIF funder signs in with the demo form and follows impact: the same numbers the Trainings service computes, live.</summary>
[Collection(SystemCollection.Name)]
public sealed class FunderTests(SystemFixture system)
{
    [Fact]
    public async Task FunderDashboardShowsTheServicesFiguresAndUpdatesLiveWhenNewOutcomesArrive()
    {
        await using var context = await system.ContextAsync("Asia/Jakarta");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Account").SelectOptionAsync("funder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Impact dashboard" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Impact dashboard", Level = 1 })).ToBeVisibleAsync();

        var expected = await FunderViewAsync();
        Assert.Equal(5, expected.MinimumCellCount);
        await Expect(page.Locator("#fig-unique-participants")).ToHaveTextAsync(Count(expected.UniqueParticipants));
        await Expect(page.Locator("#fig-completion-rate")).ToHaveTextAsync(Percent(expected.CompletionRate));
        await Expect(page.Locator("#fig-normalised-gain")).ToHaveTextAsync(Percent(expected.MeanNormalisedGain));
        await Expect(page.Locator("#fig-female-share")).ToHaveTextAsync(Percent(expected.FemaleShare));
        await Expect(page.Locator("#fig-countries")).ToHaveTextAsync(expected.Countries.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(5, expected.UniqueParticipants.Value); // six people, published rounded down to a multiple of 5
        // Each country of the test data has fewer than five participants: no country bar may give them away.
        await Expect(page.Locator("#chart-reach")).ToContainTextAsync("No country has enough participants to show yet.");
        await Expect(page.Locator("#chart-reach")).Not.ToContainTextAsync("TH");
        await Expect(page.Locator("#chart-indicators")).ToContainTextAsync("5 of 40 (12.5%)"); // the people-trained actual is the published (rounded) count
        await Expect(page.Locator("#fig-cost-usd")).ToHaveTextAsync("24,000"); // the budget over the published participant count (5), never the exact one

        // The first message of WatchImpactMetrics arrives at once; a new outcome must bring another.
        var figures = page.Locator("#dashboard-figures");
        await Expect(figures).ToHaveAttributeAsync("data-updates", "1");
        var before = await page.Locator("#fig-normalised-gain").TextContentAsync();
        await system.Data.Nominations.RecordAssessmentAsync(new RecordAssessmentRequest
        {
            Name = system.Data.Booked[0].Name,
            Assessment = new Assessment { Kind = AssessmentKind.Post, Score = 100, Maximum = 100 },
        }, system.Data.As(system.Data.ThaiPartner));
        var after = await FunderViewAsync();
        Assert.NotEqual(before, Percent(after.MeanNormalisedGain));
        await Expect(page.Locator("#fig-normalised-gain")).ToHaveTextAsync(Percent(after.MeanNormalisedGain), new() { Timeout = 30_000 });
        await Expect(page.Locator("#live-status")).ToContainTextAsync("Live: updated");
        await Screenshots.SaveBothWidthsAsync(page, "funder-dashboard");

        var export = await context.APIRequest.GetAsync("/funder/impact.csv");
        Assert.Equal(200, export.Status);
        var iati = await context.APIRequest.GetAsync($"/api/v1/programmes/{system.Data.Programme.Name["programmes/".Length..]}:exportIati");
        Assert.Equal(200, iati.Status);
        Assert.Contains("<iati-activities", await iati.TextAsync(), StringComparison.Ordinal);
        Assert.Contains($"unique_participants,{after.UniqueParticipants.Value.ToString(CultureInfo.InvariantCulture)},", await export.TextAsync(), StringComparison.Ordinal);
    }

    private async Task<ImpactMetrics> FunderViewAsync() =>
        await system.Data.Impact.GetImpactMetricsAsync(new GetImpactMetricsRequest { Funder = TestData.Funder, FunderView = true }, system.Data.As(TestData.Admin));

    private static string Count(Metric metric) => metric.Value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>As the dashboard shows a share: suppressed ones say so (the threshold is the service's default, 5).</summary>
    private static string Percent(Metric metric) =>
        metric.Suppressed ? "hidden (under 5)" : (metric.Value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
