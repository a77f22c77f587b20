using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Store;
using CapacityHub.Storage.Mongo.Tests.EndToEnd;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Store;

/// <summary>
/// The shared store contract against a real MongoDB replica set named by CAPACITYHUB_TEST_MONGODB_URI, one
/// fresh database per test (dropped afterwards). Without the variable every contract case is reported skipped.
/// </summary>
[RequiresEnvironment(RealServerFactAttribute.Variable)]
public sealed class MongoContractTests : DocumentStoreContract
{
    private readonly string database = "capacityhub_contract_" + Guid.NewGuid().ToString("N")[..12];

    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult<IDocumentStore>(MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = RealServerFactAttribute.Uri!, Database = database }));

    protected override async Task CleanUpAsync()
    {
        await using var client = new MongoClient(RealServerFactAttribute.Uri!);
        await client.GetDatabase(database).RunCommandAsync(new BsonDocument("dropDatabase", 1));
    }
}
