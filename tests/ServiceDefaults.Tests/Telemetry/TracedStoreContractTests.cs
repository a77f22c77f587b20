using CapacityHub.Storage;
using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Sqlite;
using CapacityHub.Storage.Telemetry;

namespace CapacityHub.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// The traced store is what every service runs on, so it must keep the whole store contract: the shared
/// suite on a real SQLite file behind the tracing decorator, with a listener making every span real.
/// </summary>
public sealed class TracedStoreContractTests : DocumentStoreContract
{
    private readonly string folder = Directory.CreateTempSubdirectory("capacityhub-traced-contract-").FullName;
    private readonly TelemetryRecorder recorder = new(StoreTelemetry.Name);

    protected override async Task<IDocumentStore> CreateStoreAsync() =>
        StoreTelemetry.Trace(await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(folder, "service.db") }), "sqlite");

    protected override Task CleanUpAsync()
    {
        recorder.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
