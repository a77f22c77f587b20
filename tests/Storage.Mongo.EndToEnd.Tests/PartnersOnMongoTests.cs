using System.Net;
using System.Net.Sockets;
using CapacityHub.Common.V1;
using CapacityHub.Partners.Extensions;
using CapacityHub.Partners.V1;
using CapacityHub.TestSupport;
using Grpc.Health.V1;
using MongoDB.Driver;

namespace CapacityHub.Storage.Mongo.EndToEnd.Tests;

/// <summary>
/// The Partners service as Program.cs wires it, on a real HTTP/2 port, with Storage:Provider=MongoDb: the only
/// change from its SQLite configuration.
/// </summary>
public sealed class PartnersOnMongoTests
{
    [MongoServerFact]
    public async Task The_service_creates_reads_and_deduplicates_on_a_real_MongoDB()
    {
        var database = "capacityhub_e2e_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var host = await StartAsync(MongoServerFactAttribute.Uri!, database);
            using var asAdministrator = TestCallers.ChannelAs(host.Channel.Address, TestCallers.Administrator);
            var client = new PartnerService.PartnerServiceClient(asAdministrator);

            var created = await client.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = Cert(), RequestId = "e2e-1" });
            var again = await client.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = Cert(), RequestId = "e2e-1" });
            var batch = await client.BatchGetOrganisationsAsync(new BatchGetOrganisationsRequest { Names = { created.Name } });
            var health = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());

            Assert.Equal(created, again);
            Assert.Equal(created, Assert.Single(batch.Organisations));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }
        finally
        {
            using var admin = new MongoClient(MongoServerFactAttribute.Uri!);
            await admin.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task With_MongoDB_unreachable_the_service_starts_alive_but_not_ready()
    {
        var unreachable = $"mongodb://127.0.0.1:{ClosedPort()}/partners?serverSelectionTimeoutMS=200&connectTimeoutMS=200";

        await using var host = await StartAsync(unreachable, database: null);
        var health = new Health.HealthClient(host.Channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "liveness" })).Status);
    }

    [Fact]
    public async Task Provider_MongoDb_without_a_connection_string_fails_start_up_saying_what_is_missing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceTestHost.StartAsync(
            "partners",
            b => b.AddPartners(),
            a => a.MapPartners(),
            settings: new Dictionary<string, string?> { ["Storage:Provider"] = "MongoDb" }));

        Assert.Contains("Storage:MongoDb:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static Task<ServiceTestHost> StartAsync(string connectionString, string? database) =>
        ServiceTestHost.StartAsync(
            "partners",
            b => b.AddPartners(),
            a => a.MapPartners(),
            settings: new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "MongoDb",
                ["Storage:MongoDb:ConnectionString"] = connectionString,
                ["Storage:MongoDb:Database"] = database,
                ["Identity:SigningKey"] = TestCallers.SigningKey,
            });

    private static Organisation Cert() => new()
    {
        IatiIdentifier = "VN-VNCERT",
        DisplayName = "Vietnam Computer Emergency Response Team",
        Acronym = "VNCERT/CC",
        Type = OrganisationType.Csirt,
        CountryCode = "VN",
        RegionGroups = { RegionGroup.Asean },
        Contacts = { new Contact { FullName = "Nguyen Van A", Email = "focal@vncert.example.vn", Roles = { FocalPointRole.Primary } } },
    };

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
