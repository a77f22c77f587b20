using System.Security.Claims;
using CapacityHub.Gateway.Authentication;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Tests;

public sealed class CallerClaimsTests
{
    private readonly CallerClaims claims = new(new GatewayAuthenticationOptions());

    [Fact]
    public void EveryDemoAccountRoundTripsThroughClaims()
    {
        foreach (var account in DemoAccounts.All)
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims.ToClaims(account.Identity), "test"));

            Assert.Equal(account.Identity with { ProgrammeIds = [] }, claims.FromPrincipal(principal)! with { ProgrammeIds = [] });
            Assert.Equal(account.Identity.ProgrammeIds, claims.FromPrincipal(principal)!.ProgrammeIds);
        }
    }

    [Fact]
    public void UsersCannotClaimTheServiceRole()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "mallory"), new Claim("capacityhub_role", "Service")], "test"));

        Assert.Null(claims.FromPrincipal(principal));
    }

    [Fact]
    public void AuthenticatedUserWithoutARoleIsNoCaller()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "someone")], "test"));

        Assert.Null(claims.FromPrincipal(principal));
    }

    [Fact]
    public void DemoAccountsCoverEveryUserRoleAndTwoPartnerCountries()
    {
        Assert.Equal(
            [CallerRole.ProgrammeManager, CallerRole.PartnerAgency, CallerRole.Funder, CallerRole.Administrator],
            DemoAccounts.All.Select(a => a.Identity.Role).Distinct().ToArray());
        var partnerCountries = DemoAccounts.All.Where(a => a.Identity.Role == CallerRole.PartnerAgency).Select(a => a.Identity.CountryCode).Distinct();
        Assert.Equal(2, partnerCountries.Count());
    }
}
