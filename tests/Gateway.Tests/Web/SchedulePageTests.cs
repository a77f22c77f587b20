using System.Net;
using System.Text.RegularExpressions;
using CapacityHub.Gateway.Tests.Data;
using static CapacityHub.Gateway.Tests.Data.Scenario;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>
/// Scheduling from a day of the calendar: /manager/schedule?start=…&amp;programme=… opens the form with that
/// first session day and programme, the created training's page offers the day for its first session, and
/// values the form cannot use are a 400 naming the parameter, as on the calendar.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class SchedulePageTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task TheFormOpensWithTheStartDateAndProgrammeOfTheLink()
    {
        var programme = Id(S.Programme.Name);

        var plain = await PageAsync("/manager/schedule");
        var prefilled = await PageAsync($"/manager/schedule?start=2027-02-10&programme={programme}");

        Assert.Contains("<input id=\"f-start\" name=\"start\" type=\"date\" value=\"\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{programme}\" selected>", plain, StringComparison.Ordinal);
        Assert.Contains("<input id=\"f-start\" name=\"start\" type=\"date\" value=\"2027-02-10\"", prefilled, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{programme}\" selected>", prefilled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingTheTrainingLeadsToItsPageWithTheStartDateSetForItsFirstSessionDay()
    {
        var programme = Id(S.Programme.Name);
        var path = $"/manager/schedule?start=2027-05-11&programme={programme}";
        var form = await PageAsync(path);
        var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "schedule",
            ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"),
            ["request_id"] = Hidden(form, "request_id"),
            ["programme"] = programme,
            ["title"] = "Malware triage " + Guid.NewGuid().ToString("N")[..6],
            ["start"] = "2027-05-11",
            ["language"] = "en",
            ["mode"] = "InPerson",
            ["venue.display_name"] = "ETDA Training Centre",
            ["venue.city"] = "Bangkok",
            ["venue.country_code"] = "TH",
            ["venue.time_zone"] = "Asia/Bangkok",
            ["seats"] = "12",
            ["waitlist_size"] = "2",
            ["nomination_open_time"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["nomination_deadline"] = "2027-04-20T17:00",
        });
        using var post = await Client.SendAsync(system.Request(HttpMethod.Post, path, S.Manager, content));

        Assert.True(post.StatusCode == HttpStatusCode.Found, $"{post.StatusCode}\n{await post.Content.ReadAsStringAsync()}");
        var location = post.Headers.Location!.IsAbsoluteUri ? post.Headers.Location.PathAndQuery : post.Headers.Location.OriginalString;
        Assert.Matches("^/manager/trainings/[^/?]+\\?created=1&start=2027-05-11$", location);
        var training = await PageAsync(location);
        Assert.Contains("<input id=\"f-date\" name=\"date\" type=\"date\" value=\"2027-05-11\"", training, StringComparison.Ordinal);
        var withoutStart = await PageAsync(location.Replace("&start=2027-05-11", "", StringComparison.Ordinal));
        Assert.Contains("<input id=\"f-date\" name=\"date\" type=\"date\" value=\"\"", withoutStart, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/manager/schedule?start=2027-02-30", "start")]
    [InlineData("/manager/schedule?start=10%2F02%2F2027", "start")]
    [InlineData("/manager/schedule?programme=not%20an%20id", "programme")]
    [InlineData("/manager/schedule?start=2027-02-10&programme=not-mine", "programme")]
    [InlineData("/manager/trainings/{training}?created=1&start=tomorrow", "start")]
    public async Task AValueTheFormCannotUseIsA400NamingTheParameter(string path, string parameter)
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, path.Replace("{training}", Id(S.Training.Name), StringComparison.Ordinal), S.Manager);

        Assert.Equal(400, status);
        Assert.Contains($"The query parameter \"{parameter}\"", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"request_id\"", body, StringComparison.Ordinal);
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

    private static string Hidden(string page, string name)
    {
        var match = Regex.Match(page, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"(?<value>[^\"]*)\"");
        Assert.True(match.Success, $"the page has a hidden {name}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }
}
