using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Sqlite;

namespace CapacityHub.Storage.Tests;

/// <summary>The shared contract on a real SQLite file in a temp directory.</summary>
public sealed class SqliteContractTests : DocumentStoreContract
{
    private readonly TempDirectory directory = new();

    protected override async Task<IDocumentStore> CreateStoreAsync() =>
        await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = directory.File("service.db") });

    protected override Task CleanUpAsync()
    {
        directory.Dispose();
        return Task.CompletedTask;
    }
}
