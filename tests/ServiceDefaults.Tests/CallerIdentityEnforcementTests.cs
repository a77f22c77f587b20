using CapacityHub.Partners.V1;
using CapacityHub.Rpc;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Tests;

/// <summary>
/// A service on the shared defaults, over real HTTP/2: calls without a valid caller token never reach
/// a handler; health stays open for probes; the handler sees who called.
/// </summary>
public sealed class CallerIdentityEnforcementTests : IAsyncLifetime
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
    private readonly string folder = Directory.CreateTempSubdirectory("capacityhub-identity-").FullName;
    private WebApplication? app;
    private RpcChannel? channel;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Identity:SigningKey"] = Key;
        builder.Configuration["Storage:Path"] = Path.Combine(folder, "test.db");
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.AddServiceDefaults("identity-test", []);
        app = builder.Build();
        app.MapServiceDefaults();
        app.MapRpcService<WhoAmI>();
        await app.StartAsync();
        channel = RpcChannel.ForAddress(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task CallWithoutACallerTokenIsUnauthenticated()
    {
        var client = new PartnerService.PartnerServiceClient(channel!);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetOrganisationAsync(new GetOrganisationRequest { Name = "organisations/x" }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("x-capacityhub-caller", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallWithAForgedTokenIsUnauthenticated()
    {
        var forger = new CallerTokens(new CallerTokenOptions { SigningKey = Convert.ToBase64String(new byte[32]) }, TimeProvider.System);
        var client = new PartnerService.PartnerServiceClient(channel!);
        var headers = new Metadata().Add(CallerTokenOptions.MetadataKey, forger.Issue(CallerIdentity.ForService("mallory")));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetOrganisationAsync(new GetOrganisationRequest { Name = "organisations/x" }, new CallOptions(Headers: headers)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task HandlerSeesTheCallerOfAValidToken()
    {
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);
        var caller = new CallerIdentity("u-1", "Kanya", CallerRole.PartnerAgency, "etda", "TH", []);
        var client = new PartnerService.PartnerServiceClient(channel!);
        var headers = new Metadata().Add(CallerTokenOptions.MetadataKey, tokens.Issue(caller));

        var organisation = await client.GetOrganisationAsync(new GetOrganisationRequest { Name = "organisations/x" }, new CallOptions(Headers: headers));

        Assert.Equal("organisations/etda", organisation.Name);
        Assert.Equal("TH", organisation.CountryCode);
    }

    [Fact]
    public async Task HealthNeedsNoTokenAndReportsReadyOnceTheStoreIsMigrated()
    {
        var health = new Health.HealthClient(channel!);

        var whole = await health.CheckAsync(new HealthCheckRequest());
        var liveness = await health.CheckAsync(new HealthCheckRequest { Service = "liveness" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, whole.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status);
    }

    /// <summary>Answers with the caller's own organisation: proves the identity reached the handler.</summary>
    private sealed class WhoAmI : PartnerService.PartnerServiceBase
    {
        public override Task<Organisation> GetOrganisation(GetOrganisationRequest request, ServerCallContext context)
        {
            var caller = context.Caller();
            return Task.FromResult(new Organisation { Name = $"organisations/{caller.OrganisationId}", CountryCode = caller.CountryCode ?? "" });
        }
    }
}
