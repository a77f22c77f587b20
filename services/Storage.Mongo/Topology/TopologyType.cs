namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>SDAM topology types (LoadBalanced is not supported by this client).</summary>
public enum TopologyType
{
    Unknown,
    Single,
    Sharded,
    ReplicaSetNoPrimary,
    ReplicaSetWithPrimary,
}
