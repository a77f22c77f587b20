using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.Partners.Extensions;
using CapacityHub.Partners.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.TestSupport;

namespace CapacityHub.Partners.Tests.Hosting;

/// <summary>The service as Program.cs wires it, on a real HTTP/2 socket, called with the generated client.</summary>
public sealed class PartnersHttpTests : IAsyncLifetime
{
    private ServiceTestHost? host;

    private ServiceChannel? asAdministrator;

    private PartnerService.PartnerServiceClient Client => new(asAdministrator!);

    public async Task InitializeAsync()
    {
        host = await ServiceTestHost.StartAsync("partners", b => b.AddPartners(), a => a.MapPartners(),
            settings: new Dictionary<string, string?> { ["Identity:SigningKey"] = TestCallers.SigningKey });
        asAdministrator = TestCallers.ChannelAs(host.Channel.Address, TestCallers.Administrator);
    }

    public async Task DisposeAsync()
    {
        asAdministrator?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task CreateThenBatchGetOverHttp2()
    {
        var created = await Client.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = SamplePartners.Cert(), RequestId = "http-1" });

        var batch = await Client.BatchGetOrganisationsAsync(new BatchGetOrganisationsRequest { Names = { created.Name, "organisations/ghost" }, AllowMissing = true });

        Assert.Equal(created, Assert.Single(batch.Organisations));
        Assert.Equal(["organisations/ghost"], batch.MissingNames);
    }

    [Fact]
    public async Task BadCountryArrivesAsInvalidArgumentWithFieldViolation()
    {
        var o = SamplePartners.Cert();
        o.CountryCode = "XX";
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = o, RequestId = "http-2" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("organisation.country_code", Assert.Single(e.FieldViolations()).Field);
    }

    [Fact]
    public async Task OverTheWireAFunderReadsTheDirectoryWithoutContactsAndNoTokenIsUnauthenticated()
    {
        var created = await Client.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = SamplePartners.Cert(), RequestId = "http-3" });
        using var funder = TestCallers.ChannelAs(host!.Channel.Address, TestCallers.Funder("meti"));
        var seen = await new PartnerService.PartnerServiceClient(funder).GetOrganisationAsync(new GetOrganisationRequest { Name = created.Name });
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new PartnerService.PartnerServiceClient(host.Channel)
            .GetOrganisationAsync(new GetOrganisationRequest { Name = created.Name }).ResponseAsync);

        Assert.NotEmpty(created.Contacts);
        Assert.Equal(created.DisplayName, seen.DisplayName);
        Assert.Empty(seen.Contacts);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }
}
