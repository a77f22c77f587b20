using CapacityHub.Gateway.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CapacityHub.Gateway.Tests;

public sealed class DemoSignInGuardTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public void DemoSigningKeyOutsideTheLocalEnvironmentStopsStartup(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Authentication:DemoSigningKey"] = Key;

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddGatewayAuthentication());

        Assert.Contains("must never run in production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionWithoutAnIssuerStopsStartup()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddGatewayAuthentication());

        Assert.Contains("Authentication:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalEnvironmentWithAKeyOffersTheDemoSignIn()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = GatewayAuthenticationOptions.LocalEnvironment });
        builder.Configuration["Authentication:DemoSigningKey"] = Key;

        builder.AddGatewayAuthentication();

        Assert.Contains(builder.Services, s => s.ServiceType == typeof(DemoTokenIssuer));
    }
}
