using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Mongo.Store;

namespace CapacityHub.Storage.Mongo.Tests.Store;

/// <summary>
/// The shared store contract against a real MongoDB replica set named by CAPACITYHUB_TEST_MONGODB_URI, one
/// fresh database per test (dropped afterwards). Without the variable every contract case is reported skipped.
/// </summary>
[RequiresEnvironment(MongoTestServer.Variable)]
public sealed class MongoContractTests : DocumentStoreContract
{
    private readonly string database = "capacityhub_contract_" + Guid.NewGuid().ToString("N")[..12];
    private MongoDocumentStore? opened;

    protected override Task<IDocumentStore> CreateStoreAsync()
    {
        opened = MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = MongoTestServer.Uri!, Database = database });
        return Task.FromResult<IDocumentStore>(opened);
    }

    protected override async Task CleanUpAsync()
    {
        if (opened is not null)
        {
            await opened.Client.DropDatabaseAsync(database);
        }
    }
}
