using CapacityHub.Partners.Api;
using CapacityHub.Partners.Storage;
using CapacityHub.Storage.Sqlite;

namespace CapacityHub.Partners.Tests;

/// <summary>A real SQLite store in a temporary folder and the Api on top of it; removed afterwards.</summary>
public sealed class PartnerStoreFixture : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "capacityhub-partners-" + Guid.NewGuid().ToString("N"));
    private SqliteDocumentStore? store;

    public PartnerApi Api { get; private set; } = null!;

    public SqliteDocumentStore Store => store ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(folder, "partners.db") });
        await store.MigrateAsync(PartnerCollections.All);
        Api = new PartnerApi(new OrganisationRepository(store), new AgreementRepository(store), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }
}
