using CapacityHub.Partners.Extensions;
using CapacityHub.Partners.V1;
using CapacityHub.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.Partners.Tests.Hosting;

/// <summary>The service as Program.cs wires it, on a real HTTP/2 socket, called with the generated client.</summary>
public sealed class PartnersHttpTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "capacityhub-partners-http-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;
    private RpcChannel? channel;

    private PartnerService.PartnerServiceClient Client => new(channel!);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Storage:Path"] = Path.Combine(folder, "partners.db"),
        });
        builder.AddPartners();
        app = builder.Build();
        app.MapPartners();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        channel = RpcChannel.ForAddress(address);
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
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
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = o, RequestId = "http-2" }));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("organisation.country_code", Assert.Single(e.FieldViolations()).Field);
    }
}
