using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.Partners.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.TestSupport;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;

namespace CapacityHub.ServiceDefaults.Tests;

/// <summary>
/// A service on the shared defaults, over real HTTP/2: calls without a valid caller token never reach
/// a handler; health stays open for probes; the handler sees who called.
/// </summary>
public sealed class CallerIdentityEnforcementTests : IAsyncLifetime
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
    private ServiceTestHost? host;

    private ServiceChannel? Channel => host?.Channel;

    public async Task InitializeAsync() => host = await ServiceTestHost.StartAsync(
        "identity-test",
        b => b.AddServiceDefaults("identity-test", []),
        a =>
        {
            a.MapServiceDefaults();
            a.MapGrpcService<WhoAmI>();
        },
        "Testing",
        new Dictionary<string, string?> { ["Identity:SigningKey"] = Key });

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task CallWithoutACallerTokenIsUnauthenticated()
    {
        var client = new PartnerService.PartnerServiceClient(Channel!);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetOrganisationAsync(new GetOrganisationRequest { Name = "organisations/x" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("x-capacityhub-caller", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallWithAForgedTokenIsUnauthenticated()
    {
        var forger = new CallerTokens(new CallerTokenOptions { SigningKey = Convert.ToBase64String(new byte[32]) }, TimeProvider.System);
        var client = new PartnerService.PartnerServiceClient(Channel!);
        var headers = new Metadata { { CallerTokenOptions.MetadataKey, forger.Issue(CallerIdentity.ForService("mallory")) } };

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetOrganisationAsync(new GetOrganisationRequest { Name = "organisations/x" }, new CallOptions(headers: headers)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task HandlerSeesTheCallerOfAValidToken()
    {
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);
        var caller = new CallerIdentity("u-1", "Kanya", CallerRole.PartnerAgency, "etda", "TH", []);
        var client = new PartnerService.PartnerServiceClient(Channel!);
        var headers = new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(caller) } };

        var organisation = await client.GetOrganisationAsync(new GetOrganisationRequest { Name = "organisations/x" }, new CallOptions(headers: headers));

        Assert.Equal("organisations/etda", organisation.Name);
        Assert.Equal("TH", organisation.CountryCode);
    }

    [Fact]
    public async Task HealthNeedsNoTokenAndReportsReadyOnceTheStoreIsMigrated()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(Channel!);

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
