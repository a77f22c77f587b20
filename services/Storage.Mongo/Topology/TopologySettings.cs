using CapacityHub.Storage.Mongo.ConnectionString;

namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>The connection-string facts SDAM starts from.</summary>
public sealed record TopologySettings(IReadOnlyList<string> Seeds, string? ReplicaSetName, bool DirectConnection)
{
    public static TopologySettings From(MongoConnectionString connectionString) => new(
        [.. connectionString.Hosts.Select(h => h.Address)],
        connectionString.ReplicaSet,
        connectionString.DirectConnection ?? false);

    public TopologyType InitialType =>
        DirectConnection ? TopologyType.Single
        : ReplicaSetName is not null ? TopologyType.ReplicaSetNoPrimary
        : TopologyType.Unknown;
}
