namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>SDAM server types; names match the spec so test data maps one to one.</summary>
public enum ServerType
{
    Unknown,
    Standalone,
    Mongos,
    PossiblePrimary,
    RSPrimary,
    RSSecondary,
    RSArbiter,
    RSOther,
    RSGhost,
    LoadBalancer,
}
