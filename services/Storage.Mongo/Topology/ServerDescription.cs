using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>What one hello (or a failure to get one) says about one server.</summary>
public sealed record ServerDescription(string Address, ServerType Type)
{
    public string? SetName { get; init; }

    public int? SetVersion { get; init; }

    public ObjectId? ElectionId { get; init; }

    public string? Primary { get; init; }

    public string? Me { get; init; }

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public IReadOnlyList<string> Passives { get; init; } = [];

    public IReadOnlyList<string> Arbiters { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public int MinWireVersion { get; init; }

    public int MaxWireVersion { get; init; }

    public int? LogicalSessionTimeoutMinutes { get; init; }

    public BsonDocument? TopologyVersion { get; init; }

    public TimeSpan? RoundTripTime { get; init; }

    public string? Error { get; init; }

    public bool IsDataBearing => Type is ServerType.Standalone or ServerType.RSPrimary or ServerType.RSSecondary or ServerType.Mongos or ServerType.LoadBalancer;

    public bool IsReplicaSetMember => Type is ServerType.RSPrimary or ServerType.RSSecondary or ServerType.RSArbiter or ServerType.RSOther;

    /// <summary>Every member address this server reports (hosts, passives and arbiters).</summary>
    public IEnumerable<string> Members => Hosts.Concat(Passives).Concat(Arbiters);

    public static ServerDescription Unknown(string address, string? error = null) => new(address, ServerType.Unknown) { Error = error };
}
