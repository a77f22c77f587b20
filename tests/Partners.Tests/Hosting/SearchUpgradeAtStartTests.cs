using CapacityHub.Partners.Extensions;
using CapacityHub.Partners.Storage;
using CapacityHub.Partners.V1;
using CapacityHub.Storage.Sqlite;
using CapacityHub.TestSupport;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Partners.Tests.Hosting;

/// <summary>A data file from before search existed: the service, as Program.cs wires it, makes it searchable before it serves.</summary>
public sealed class SearchUpgradeAtStartTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("capacityhub-partners-upgrade-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OrganisationsStoredWithoutSearchTextAreFoundOnceTheServiceIsUp()
    {
        var path = Path.Combine(folder, "partners.db");
        await using (var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = path }))
        {
            await store.MigrateAsync(PartnerCollections.All);
            var ministry = SamplePartners.Ministry();
            ministry.Name = "organisations/meti";
            await store.Collection(PartnerCollections.Organisations).InsertAsync(OrganisationRepository.ToStored("meti", ministry) with { SearchText = null });
        }

        await using var host = await ServiceTestHost.StartAsync("partners", b => b.AddPartners(), a => a.MapPartners(),
            settings: new Dictionary<string, string?> { ["Identity:SigningKey"] = TestCallers.SigningKey, ["Storage:Path"] = path });
        using var channel = TestCallers.ChannelAs(host.Channel.Address, TestCallers.Administrator);

        var found = await new PartnerService.PartnerServiceClient(channel).ListOrganisationsAsync(new ListOrganisationsRequest { Query = "meti" });

        Assert.Equal("organisations/meti", Assert.Single(found.Organisations).Name);
        Assert.Equal("Ministry of Economy, Trade and Industry", found.Organisations[0].DisplayName);
    }
}
