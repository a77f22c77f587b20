using CapacityHub.Programmes.Api;
using CapacityHub.Programmes.Storage;
using CapacityHub.Storage.Sqlite;

namespace CapacityHub.Programmes.Tests;

/// <summary>A real SQLite store in a temporary folder and the Api on top of it; removed afterwards.</summary>
public sealed class ProgrammeStoreFixture : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "capacityhub-programmes-" + Guid.NewGuid().ToString("N"));
    private SqliteDocumentStore? store;

    public ProgrammeApi Api { get; private set; } = null!;

    public string DatabasePath => Path.Combine(folder, "programmes.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = DatabasePath });
        await store.MigrateAsync(ProgrammeCollections.All);
        Api = new ProgrammeApi(new ProgrammeRepository(store), TimeProvider.System);
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
