using CapacityHub.Storage;

namespace CapacityHub.ServiceDefaults.Hosting;

/// <summary>
/// Brings documents an earlier version wrote up to what this version queries on (e.g. search text). Runs at
/// start-up after the collections are migrated and before the service reports ready; it must be idempotent,
/// because it runs again after an interrupted start.
/// </summary>
public interface IStoreUpgrade
{
    Task UpgradeAsync(IDocumentStore store, CancellationToken cancellationToken);
}
