using System.Net;
using System.Text.RegularExpressions;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Tests.Forwarding;

namespace CapacityHub.Gateway.Tests;

/// <summary>Signing out is a state change: a POST without the page's antiforgery token must not end the session.</summary>
public sealed partial class SignOutTests : IAsyncLifetime
{
    private GatewayUnderTest gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayUnderTest.StartAsync(new Dictionary<string, string?>
    {
        // The web pages speak HTTP/1.1; the test gateway has one endpoint, so let it take both.
        ["Kestrel:Endpoints:Grpc:Protocols"] = "Http1AndHttp2",
    });

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task AForgedSignOutIsRefusedAndKeepsTheSession()
    {
        using var client = SignedInClient();

        using var response = await client.PostAsync("/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(AuthenticationSetup.SessionCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOutFromThePageEndsTheSession()
    {
        using var client = SignedInClient();
        var page = await client.GetStringAsync("/");
        var field = SignOutField().Match(page);
        Assert.True(field.Success, "the signed-in page has a sign-out form with an antiforgery field");

        using var response = await client.PostAsync("/sign-out", new FormUrlEncodedContent(
            [new KeyValuePair<string, string>(field.Groups["name"].Value, WebUtility.HtmlDecode(field.Groups["value"].Value))]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthenticationSetup.SessionCookie + "=;", StringComparison.Ordinal));
    }

    private HttpClient SignedInClient()
    {
        var address = new Uri(gateway.Address);
        var cookies = new CookieContainer();
        cookies.Add(address, new Cookie(AuthenticationSetup.SessionCookie, gateway.TokenFor(DemoAccounts.Find("partner-th")!.Identity)));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    [GeneratedRegex("action=\"/sign-out\">\\s*<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex SignOutField();
}
