using System.Net;
using System.Text.RegularExpressions;
using CapacityHub.Gateway.Tests.Data;
using CapacityHub.Programmes.V1;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>
/// A manager builds a programme and its results framework in the web app, against the real services: the
/// forms post what the API stores, and the service's refusals come back next to the inputs they name.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed partial class ProgrammePagesTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task AManagerCreatesAProgrammeThenAddsAResultAndAnIndicatorWithATarget()
    {
        var code = "WEB-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var form = await PageAsync("/manager/programmes/new");
        Assert.Contains(S.ThaiPartner.DisplayName, form, StringComparison.Ordinal);

        var created = await PostAsync("/manager/programmes/new", form, "new-programme",
            ("request_id", Hidden(form, "request_id")),
            ("code", code),
            ("title", "ASEAN CERT exercise programme ทดสอบ"),
            ("planned_period.start_date", "2027-04-01"),
            ("planned_period.end_date", "2028-03-31"),
            ("themes", "IncidentManagementAndCiip"),
            ("recipient_countries", "th, my"),
            ("participating_organisations[0].organisation", S.Funder.Name),
            ("participating_organisations[0].role", "Funding"),
            ("participating_organisations[1].organisation", S.ThaiPartner.Name),
            ("participating_organisations[1].role", "Extending"),
            ("participating_organisations[1].local_roles", "NominatingAuthority"),
            ("participating_organisations[1].local_roles", "Beneficiary"),
            ("budgets[0].funder", S.Funder.Name),
            ("budgets[0].value.amount", "12000000"),
            ("budgets[0].value.currency_code", "jpy"));
        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        var location = created.Headers.Location!;
        var resultsPath = (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        Assert.Matches("^/manager/programmes/[^/]+/results$", resultsPath);
        var programmeName = "programmes/" + resultsPath.Split('/')[3];

        var results = await PageAsync(resultsPath);
        var addResult = await PostAsync(resultsPath, results, "add-result",
            ("etag", Hidden(results, "etag")), ("title", "CERT staff able to run a regional exercise"), ("type", "Outcome"), ("kirkpatrick_level", "Behaviour"));
        Assert.Equal(HttpStatusCode.Found, addResult.StatusCode);

        results = await PageAsync(resultsPath);
        var resultId = ResultOption().Match(results).Groups["id"].Value;
        var addIndicator = await PostAsync(resultsPath, results, "add-indicator",
            ("etag", Hidden(results, "etag")), ("result_id", resultId), ("title", "Participants completing the exercise"), ("measure", "Unit"),
            ("metric", "Completers"), ("baseline.year", "2026"), ("baseline.value", "0"),
            ("periods[0].period.start_date", "2027-04-01"), ("periods[0].period.end_date", "2028-03-31"), ("periods[0].target", "40"));
        Assert.Equal(HttpStatusCode.Found, addIndicator.StatusCode);

        var stored = await system.CallAsync<Programme>(HttpMethod.Get, $"/api/v1/{programmeName}", Scenario.Admin);
        Assert.Equal(code, stored.Code);
        Assert.Equal(["TH", "MY"], stored.RecipientCountries);
        Assert.Equal(LocalRole.NominatingAuthority, stored.ParticipatingOrganisations.Single(o => o.Organisation == S.ThaiPartner.Name).LocalRoles[0]);
        Assert.Equal("JPY", stored.Budgets.Single().Value.CurrencyCode);
        var result = Assert.Single(stored.Results);
        Assert.Equal(KirkpatrickLevel.Behaviour, result.KirkpatrickLevel);
        var indicator = Assert.Single(result.Indicators);
        Assert.Equal(ImpactMetric.Completers, indicator.Metric);
        Assert.Equal(40, indicator.Periods.Single().Target);
        Assert.Contains("Participants completing the exercise", await PageAsync(resultsPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThreeYearProgrammesTotalBecomesYearlyBudgetsThatAddUpToIt()
    {
        var form = await PageAsync("/manager/programmes/new");

        var created = await PostAsync("/manager/programmes/new", form, "new-programme",
            ("request_id", Hidden(form, "request_id")),
            ("code", "WEB-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()),
            ("title", "Three-year CERT maturity programme"),
            ("planned_period.start_date", "2027-04-01"),
            ("planned_period.end_date", "2029-09-30"),
            ("recipient_countries", "th"),
            ("participating_organisations[0].organisation", S.Funder.Name),
            ("participating_organisations[0].role", "Funding"),
            ("budgets[0].funder", S.Funder.Name),
            ("budgets[0].value.amount", "30000000"),
            ("budgets[0].value.currency_code", "JPY"));
        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        var location = created.Headers.Location!;
        var programmeName = "programmes/" + (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]).Split('/')[3];
        var stored = await system.CallAsync<Programme>(HttpMethod.Get, $"/api/v1/{programmeName}", Scenario.Admin);

        Assert.Equal(
            ["2027-04-01..2028-03-31", "2028-04-01..2029-03-31", "2029-04-01..2029-09-30"],
            stored.Budgets.Select(b => $"{D(b.Period.StartDate)}..{D(b.Period.EndDate)}"));
        Assert.Equal(30000000m, stored.Budgets.Sum(b => decimal.Parse(b.Value.Amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(stored.Budgets, b => Assert.Equal(S.Funder.Name, b.Funder));
    }

    private static string D(CapacityHub.Common.V1.Date d) => $"{d.Year:0000}-{d.Month:00}-{d.Day:00}";

    [Fact]
    public async Task ARefusedProgrammeKeepsWhatWasTypedAndNamesTheFieldsWithoutStoringAnything()
    {
        var form = await PageAsync("/manager/programmes/new");
        var before = await system.CallAsync<ListProgrammesResponse>(HttpMethod.Get, "/api/v1/programmes?pageSize=1000", Scenario.Admin);

        var refused = await PostAsync("/manager/programmes/new", form, "new-programme",
            ("request_id", Hidden(form, "request_id")), ("code", ""), ("title", "Kept title"), ("recipient_countries", "Thailand"));
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var after = await system.CallAsync<ListProgrammesResponse>(HttpMethod.Get, "/api/v1/programmes?pageSize=1000", Scenario.Admin);

        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains("value=\"Kept title\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"f-code-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"f-recipient_countries-error\"", page, StringComparison.Ordinal);
        Assert.Equal(before.Programmes.Count, after.Programmes.Count);
    }

    [Fact]
    public async Task PartnersAndFundersCannotOpenTheProgrammeForms()
    {
        var (partner, _) = await system.SendAsync(HttpMethod.Get, "/manager/programmes/new", S.ThaiUser);
        var (funder, _) = await system.SendAsync(HttpMethod.Get, $"/manager/programmes/{S.Programme.Name["programmes/".Length..]}/results", S.FunderUser);

        Assert.Equal(403, partner);
        Assert.Equal(403, funder);
    }

    // One browser-like client per test: the antiforgery cookie of a page goes back with its form.
    private HttpClient Client => client ??= new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = system.Web.BaseAddress };

    private HttpClient? client;

    private async Task<string> PageAsync(string path)
    {
        using var response = await Client.SendAsync(system.Request(HttpMethod.Get, path, S.Manager));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}\n{body}");
        return body;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string page, string handler, params (string Name, string Value)[] fields)
    {
        var content = new FormUrlEncodedContent(
            [new("_handler", handler), new("__RequestVerificationToken", Hidden(page, "__RequestVerificationToken")), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var request = system.Request(HttpMethod.Post, path, S.Manager, content);
        return await Client.SendAsync(request);
    }

    private static string Hidden(string page, string name)
    {
        var match = Regex.Match(page, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"(?<value>[^\"]*)\"");
        Assert.True(match.Success, $"the page has a hidden {name}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("<select id=\"f-result\" name=\"result_id\"><option value=\"(?<id>[^\"]+)\"")]
    private static partial Regex ResultOption();
}
