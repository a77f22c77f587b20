using CapacityHub.Programmes.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CapacityHub.Browser.Tests;

/// <summary>A programme manager builds a new programme and its results framework in the browser, a result and an indicator at a time.</summary>
[Collection(SystemCollection.Name)]
public sealed class ProgrammeFrameworkTests(SystemFixture system)
{
    [Fact]
    public async Task ManagerCreatesAProgrammeAddsAResultAndAnIndicatorAndSeesThemByNameOnTheProgrammePage()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var code = $"BT-{run}".ToUpperInvariant();
        var title = $"OT security for CERTs {run}";
        var result = $"CERT analysts handle OT incidents {run}";
        var indicator = $"Analysts trained in OT triage {run}";
        var thai = "organisations/" + system.Data.ThaiPartner.OrganisationId;
        var malaysian = "organisations/" + system.Data.MalaysianPartner.OrganisationId;

        await using var context = await system.ContextAsync("Asia/Tokyo", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/manager/programmes/new");
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Planned start").FillAsync("2027-01-01");
        // One year, so one budget (a longer programme would get one budget per year).
        await page.GetByLabel("Planned end").FillAsync("2027-12-31");
        await page.GetByLabel("Description").FillAsync("Hands-on OT incident handling for the national CERTs of Thailand and Malaysia.");
        await page.GetByLabel("Incident management and CIIP").CheckAsync();
        await page.GetByLabel("Recipient countries").FillAsync("TH, MY");
        await page.GetByLabel("Organisation 1", new() { Exact = true }).SelectOptionAsync(system.Data.FundingOrganisation);
        await page.GetByLabel("Role of organisation 1").SelectOptionAsync("Funding");
        await page.GetByLabel("Organisation 2", new() { Exact = true }).SelectOptionAsync(thai);
        await page.GetByLabel("Role of organisation 2").SelectOptionAsync("Extending");
        await page.GetByLabel("Nominating authority (organisation 2)").CheckAsync();
        await page.GetByLabel("Host (organisation 2)").CheckAsync();
        await page.GetByLabel("Organisation 3", new() { Exact = true }).SelectOptionAsync(malaysian);
        await page.GetByLabel("Role of organisation 3").SelectOptionAsync("Implementing");
        await page.GetByLabel("Funded by").SelectOptionAsync(system.Data.FundingOrganisation);
        await page.GetByLabel("Amount").FillAsync("250000");
        await page.GetByLabel("Currency").FillAsync("USD");
        await Screenshots.SaveBothWidthsAsync(page, "manager-programme-new");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create programme" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Programme created");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/manager/programmes/[^/]+/results"));
        var id = new Uri(page.Url).AbsolutePath.Split('/')[3];
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Results framework: {title}");

        var addResult = page.GetByRole(AriaRole.Form, new() { Name = "Add a result" });
        await addResult.GetByLabel("Result", new() { Exact = true }).FillAsync(result);
        await addResult.GetByLabel("Type").SelectOptionAsync("Outcome");
        await addResult.GetByLabel("Kirkpatrick level").SelectOptionAsync("Behaviour");
        await addResult.GetByRole(AriaRole.Button, new() { Name = "Add result" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Result added");

        var addIndicator = page.GetByRole(AriaRole.Form, new() { Name = "Add an indicator" });
        await addIndicator.GetByLabel("Of the result").SelectOptionAsync(new SelectOptionValue { Label = result });
        await addIndicator.GetByLabel("Indicator", new() { Exact = true }).FillAsync(indicator);
        await addIndicator.GetByLabel("Measure").SelectOptionAsync("Unit");
        await addIndicator.GetByLabel("Computed from").SelectOptionAsync("UniqueParticipants");
        await addIndicator.GetByLabel("Baseline year").FillAsync("2026");
        await addIndicator.GetByLabel("Baseline value").FillAsync("3");
        await addIndicator.GetByLabel("Target period start").FillAsync("2027-01-01");
        await addIndicator.GetByLabel("Target period end").FillAsync("2027-12-31");
        await addIndicator.GetByLabel("Target", new() { Exact = true }).FillAsync("60");
        await addIndicator.GetByRole(AriaRole.Button, new() { Name = "Add indicator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Indicator added");
        var framework = page.Locator("ol.framework");
        await Expect(framework).ToContainTextAsync(result);
        await Expect(framework).ToContainTextAsync(indicator);
        await Expect(framework).ToContainTextAsync("computed from unique participants");
        await Expect(framework).ToContainTextAsync("baseline 3 (2026)");
        await Expect(framework).ToContainTextAsync("target 60 for");
        await Screenshots.SaveBothWidthsAsync(page, "manager-results-framework");
        await page.SetViewportSizeAsync(1366, 900);

        // What the service stored is what was typed: the browser went through the real form posts.
        var stored = await system.Data.Programmes.GetProgrammeAsync(new GetProgrammeRequest { Name = $"programmes/{id}" }, system.Data.As(TestData.Admin));
        Assert.Equal(code, stored.Code);
        Assert.Equal(["TH", "MY"], stored.RecipientCountries);
        Assert.Contains(stored.ParticipatingOrganisations, o => o.Organisation == thai && o.Role == OrganisationRole.Extending && o.LocalRoles.Contains(LocalRole.NominatingAuthority));
        Assert.Contains(stored.ParticipatingOrganisations, o => o.Organisation == malaysian && o.Role == OrganisationRole.Implementing);
        Assert.Equal("250000", stored.Budgets.Single().Value.Amount);
        var storedResult = Assert.Single(stored.Results);
        Assert.Equal((result, ResultType.Outcome, KirkpatrickLevel.Behaviour), (storedResult.Title, storedResult.Type, storedResult.KirkpatrickLevel));
        var storedIndicator = Assert.Single(storedResult.Indicators);
        Assert.Equal((indicator, ImpactMetric.UniqueParticipants, 2026, 3.0), (storedIndicator.Title, storedIndicator.Metric, storedIndicator.Baseline.Year, storedIndicator.Baseline.Value));
        var period = Assert.Single(storedIndicator.Periods);
        Assert.Equal((2027, 2027, 60.0), (period.Period.StartDate.Year, period.Period.EndDate.Year, period.Target));

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the programme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("Indo-Pacific Cyber Fund — funding");
        await Expect(main).ToContainTextAsync("ETDA (ThaiCERT) — extending (nominating authority, host)");
        await Expect(main).ToContainTextAsync("CyberSecurity Malaysia — implementing");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = indicator });
        await Expect(row).ToContainTextAsync(result);
        await Expect(row.Locator("td[data-label=Baseline]")).ToHaveTextAsync("3");
        await Expect(row.Locator("td[data-label=Target]")).ToHaveTextAsync("60");
        await Expect(main).Not.ToContainTextAsync("organisations/");
        await Screenshots.SaveBothWidthsAsync(page, "manager-programme-detail");
    }
}
