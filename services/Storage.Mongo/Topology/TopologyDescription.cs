using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>An immutable snapshot of what the client knows about the deployment.</summary>
public sealed record TopologyDescription(
    TopologyType Type,
    string? SetName,
    int? MaxSetVersion,
    ObjectId? MaxElectionId,
    IReadOnlyDictionary<string, ServerDescription> Servers,
    string? CompatibilityError)
{
    /// <summary>The wire versions this client speaks: MongoDB 4.0 (7) through 8.0 (25).</summary>
    public const int MinSupportedWireVersion = 7;
    public const int MaxSupportedWireVersion = 25;

    public bool Compatible => CompatibilityError is null;

    public int? LogicalSessionTimeoutMinutes
    {
        get
        {
            var dataBearing = Servers.Values.Where(s => s.IsDataBearing).ToList();
            return dataBearing.Count == 0 || dataBearing.Any(s => s.LogicalSessionTimeoutMinutes is null)
                ? null
                : dataBearing.Min(s => s.LogicalSessionTimeoutMinutes);
        }
    }

    public bool HasPrimary => Servers.Values.Any(s => s.Type == ServerType.RSPrimary);
}
