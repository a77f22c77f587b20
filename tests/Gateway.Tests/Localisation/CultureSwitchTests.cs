using System.Net;
using System.Text.RegularExpressions;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Tests.Forwarding;

namespace CapacityHub.Gateway.Tests.Localisation;

/// <summary>The language switcher: a form post that remembers the choice, goes back only to this site, and refuses what it cannot honour.</summary>
public sealed partial class CultureSwitchTests : IAsyncLifetime
{
    private GatewayUnderTest gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayUnderTest.StartAsync(new Dictionary<string, string?>
    {
        // The web pages speak HTTP/1.1; the test gateway has one endpoint, so let it take both.
        ["Kestrel:Endpoints:Grpc:Protocols"] = "Http1AndHttp2",
    });

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Theory]
    [InlineData("/manager/queue?status=nominated", "/manager/queue?status=nominated")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/a\r\nSet-Cookie: x=1", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void OnlyAPathOnThisSiteIsFollowedBack(string? returnUrl, string expected) =>
        Assert.Equal(expected, CultureSwitch.LocalPathOrHome(returnUrl));

    [Fact]
    public async Task ChoosingJapaneseRemembersItAndGoesBackToThePage()
    {
        using var client = SignedInClient();
        var token = await TokenAsync(client);

        using var response = await client.PostAsync(CultureSwitch.Path, Form(token, ("culture", "ja"), ("returnUrl", "/partner/nominations")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/partner/nominations", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Dja%7Cuic%3Dja", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnknownLanguageOrAMissingTokenIsRefusedWithoutACookie()
    {
        using var client = SignedInClient();
        var token = await TokenAsync(client);

        using var unknown = await client.PostAsync(CultureSwitch.Path, Form(token, ("culture", "fr"), ("returnUrl", "/")));
        using var forged = await client.PostAsync(CultureSwitch.Path, new FormUrlEncodedContent([new("culture", "ja")]));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("en, ja, th", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(unknown.Headers.Contains("Set-Cookie") && unknown.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
        Assert.False(forged.Headers.Contains("Set-Cookie") && forged.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PagesSpeakTheBrowsersLanguageUntilTheReaderChoosesAnother()
    {
        using var client = SignedInClient();
        using var thai = new HttpRequestMessage(HttpMethod.Get, "/");
        thai.Headers.AcceptLanguage.ParseAdd("th-TH,th;q=0.9,en;q=0.5");
        var thaiPage = WebUtility.HtmlDecode(await (await client.SendAsync(thai)).Content.ReadAsStringAsync());

        Assert.Contains("<html lang=\"th\"", thaiPage, StringComparison.Ordinal);
        Assert.Contains("ออกจากระบบ", thaiPage, StringComparison.Ordinal);
        Assert.Contains(">กล่องข้อความ</a>", thaiPage, StringComparison.Ordinal);

        var token = await TokenAsync(client);
        (await client.PostAsync(CultureSwitch.Path, Form(token, ("culture", "ja"), ("returnUrl", "/")))).Dispose();
        using var chosen = new HttpRequestMessage(HttpMethod.Get, "/");
        chosen.Headers.AcceptLanguage.ParseAdd("th-TH");
        var japanesePage = WebUtility.HtmlDecode(await (await client.SendAsync(chosen)).Content.ReadAsStringAsync());

        Assert.Contains("<html lang=\"ja\"", japanesePage, StringComparison.Ordinal);
        Assert.Contains(">受信箱</a>", japanesePage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ja\" lang=\"ja\" selected", japanesePage, StringComparison.Ordinal);

        var remembered = await client.GetStringAsync("/?x=1");
        Assert.Contains("<html lang=\"ja\"", remembered, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form((string Name, string Value) token, params (string Name, string Value)[] fields) =>
        new([new(token.Name, token.Value), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private async Task<(string Name, string Value)> TokenAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, string.Join("\n", gateway.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).Take(3)));
        var field = AntiforgeryField().Match(page);
        Assert.True(field.Success, "the signed-in page carries an antiforgery field");
        return (field.Groups["name"].Value, WebUtility.HtmlDecode(field.Groups["value"].Value));
    }

    private HttpClient SignedInClient()
    {
        var address = new Uri(gateway.Address);
        var cookies = new CookieContainer();
        cookies.Add(address, new Cookie(AuthenticationSetup.SessionCookie, gateway.TokenFor(DemoAccounts.Find("partner-th")!.Identity)));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    [GeneratedRegex("<input[^>]*name=\"(?<name>__RequestVerificationToken)\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
