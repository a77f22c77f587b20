using CapacityHub.Storage;

namespace CapacityHub.ServiceDefaults.Hosting;

/// <summary>The collections one service owns, migrated at start-up before it takes calls.</summary>
public sealed record ServiceCollections(IReadOnlyList<CollectionSpec> All);
