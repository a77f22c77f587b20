using CapacityHub.Gateway.Authentication;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.IdentityModel.Tokens;

namespace CapacityHub.Browser.Tests;

/// <summary>
/// Browser sessions for users whose organisation or programme ids exist only in this test's data
/// (the services assign ids): the same demo-signed token the demo sign-in would put in the cookie.
/// </summary>
public sealed class SessionTokens(string demoSigningKey)
{
    private readonly DemoTokenIssuer issuer = new(
        new CallerClaims(new GatewayAuthenticationOptions()),
        new SymmetricSecurityKey(new CallerTokenOptions { SigningKey = demoSigningKey }.KeyBytes()),
        TimeProvider.System);

    public string For(CallerIdentity identity) =>
        issuer.Issue(new DemoAccount(identity.Subject, identity.DisplayName, identity), new GatewayAuthenticationOptions().Audience);
}
