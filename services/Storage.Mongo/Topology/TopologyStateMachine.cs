using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>
/// The SDAM topology state machine: each new ServerDescription is folded into the topology following the
/// spec's table (per topology type and server type), including set-name checks, stale-primary detection by
/// electionId/setVersion and member-list reconciliation. Not thread-safe; callers serialise updates.
/// </summary>
public sealed class TopologyStateMachine
{
    private readonly TopologySettings settings;
    private readonly Dictionary<string, ServerDescription> servers = new(StringComparer.Ordinal);
    private TopologyType type;
    private string? setName;
    private int? maxSetVersion;
    private ObjectId? maxElectionId;

    public TopologyStateMachine(TopologySettings settings)
    {
        this.settings = settings;
        type = settings.InitialType;
        setName = settings.ReplicaSetName;
        foreach (var seed in settings.Seeds)
        {
            servers[seed] = ServerDescription.Unknown(seed);
        }
    }

    public TopologyDescription Description => new(type, setName, maxSetVersion, maxElectionId, new Dictionary<string, ServerDescription>(servers), CompatibilityError());

    /// <summary>A monitor's check failed (network error, timeout): the server becomes Unknown.</summary>
    public void OnCheckFailed(string address, string error) => Apply(ServerDescription.Unknown(address, error));

    public void Apply(ServerDescription description)
    {
        if (!servers.TryGetValue(description.Address, out var current))
        {
            return;
        }

        if (IsStale(current, description))
        {
            return;
        }

        servers[description.Address] = description;
        switch (type)
        {
            case TopologyType.Single:
                if (setName is not null && description.Type != ServerType.Unknown && description.SetName != setName)
                {
                    servers[description.Address] = ServerDescription.Unknown(description.Address, $"replica set name '{description.SetName}' does not match '{setName}'");
                }

                break;
            case TopologyType.Unknown:
                ApplyToUnknown(description);
                break;
            case TopologyType.Sharded:
                if (description.Type is not (ServerType.Unknown or ServerType.Mongos))
                {
                    servers.Remove(description.Address);
                }

                break;
            case TopologyType.ReplicaSetNoPrimary:
                ApplyToReplicaSetNoPrimary(description);
                break;
            case TopologyType.ReplicaSetWithPrimary:
                ApplyToReplicaSetWithPrimary(description);
                break;
        }
    }

    /// <summary>A reply whose topologyVersion is older than the one already held describes the past.</summary>
    private static bool IsStale(ServerDescription current, ServerDescription incoming)
    {
        if (current.TopologyVersion is not { } held || incoming.TopologyVersion is not { } offered)
        {
            return false;
        }

        return held["processId"] == offered["processId"] && offered["counter"].ToInt64() < held["counter"].ToInt64();
    }

    private void ApplyToUnknown(ServerDescription description)
    {
        switch (description.Type)
        {
            case ServerType.Standalone:
                if (settings.Seeds.Count == 1)
                {
                    type = TopologyType.Single;
                }
                else
                {
                    servers.Remove(description.Address);
                }

                break;
            case ServerType.Mongos:
                type = TopologyType.Sharded;
                break;
            case ServerType.RSPrimary:
                type = TopologyType.ReplicaSetWithPrimary;
                UpdateFromPrimary(description);
                break;
            case ServerType.RSSecondary or ServerType.RSArbiter or ServerType.RSOther:
                type = TopologyType.ReplicaSetNoPrimary;
                UpdateWithoutPrimary(description);
                break;
        }
    }

    private void ApplyToReplicaSetNoPrimary(ServerDescription description)
    {
        switch (description.Type)
        {
            case ServerType.Standalone or ServerType.Mongos:
                servers.Remove(description.Address);
                break;
            case ServerType.RSPrimary:
                type = TopologyType.ReplicaSetWithPrimary;
                UpdateFromPrimary(description);
                break;
            case ServerType.RSSecondary or ServerType.RSArbiter or ServerType.RSOther:
                UpdateWithoutPrimary(description);
                break;
        }
    }

    private void ApplyToReplicaSetWithPrimary(ServerDescription description)
    {
        switch (description.Type)
        {
            case ServerType.Standalone or ServerType.Mongos:
                servers.Remove(description.Address);
                CheckIfHasPrimary();
                break;
            case ServerType.RSPrimary:
                UpdateFromPrimary(description);
                break;
            case ServerType.RSSecondary or ServerType.RSArbiter or ServerType.RSOther:
                UpdateFromMemberWithPrimary(description);
                break;
            default:
                CheckIfHasPrimary();
                break;
        }
    }

    private void UpdateFromPrimary(ServerDescription primary)
    {
        if (setName is null)
        {
            setName = primary.SetName;
        }
        else if (setName != primary.SetName)
        {
            servers.Remove(primary.Address);
            CheckIfHasPrimary();
            return;
        }

        if (IsStalePrimary(primary))
        {
            servers[primary.Address] = ServerDescription.Unknown(primary.Address, "primary marked stale due to electionId/setVersion mismatch");
            CheckIfHasPrimary();
            return;
        }

        foreach (var other in servers.Values.Where(s => s.Type == ServerType.RSPrimary && s.Address != primary.Address).ToList())
        {
            servers[other.Address] = ServerDescription.Unknown(other.Address, "primary marked stale due to discovery of newer primary");
        }

        var members = primary.Members.ToHashSet(StringComparer.Ordinal);
        foreach (var member in members.Where(m => !servers.ContainsKey(m)))
        {
            servers[member] = ServerDescription.Unknown(member);
        }

        foreach (var address in servers.Keys.Where(a => !members.Contains(a)).ToList())
        {
            servers.Remove(address);
        }

        CheckIfHasPrimary();
    }

    /// <summary>
    /// From wire version 17 (MongoDB 6.0) the (electionId, setVersion) pair is ordered electionId first; before
    /// that setVersion came first and electionId only broke ties. Either way a lower pair is a stale primary.
    /// </summary>
    private bool IsStalePrimary(ServerDescription primary)
    {
        if (primary.MaxWireVersion >= 17)
        {
            var byElection = Compare(primary.ElectionId, maxElectionId);
            if (byElection < 0 || (byElection == 0 && Compare(primary.SetVersion, maxSetVersion) < 0))
            {
                return true;
            }

            maxElectionId = primary.ElectionId;
            maxSetVersion = primary.SetVersion;
            return false;
        }

        if (primary.SetVersion is not null && primary.ElectionId is not null)
        {
            if (maxSetVersion is not null && maxElectionId is not null
                && (maxSetVersion > primary.SetVersion || (maxSetVersion == primary.SetVersion && maxElectionId.Value.CompareTo(primary.ElectionId.Value) > 0)))
            {
                return true;
            }

            maxElectionId = primary.ElectionId;
        }

        if (primary.SetVersion is not null && (maxSetVersion is null || primary.SetVersion > maxSetVersion))
        {
            maxSetVersion = primary.SetVersion;
        }

        return false;
    }

    private void UpdateWithoutPrimary(ServerDescription member)
    {
        if (setName is null)
        {
            setName = member.SetName;
        }
        else if (setName != member.SetName)
        {
            servers.Remove(member.Address);
            return;
        }

        foreach (var address in member.Members.Where(m => !servers.ContainsKey(m)))
        {
            servers[address] = ServerDescription.Unknown(address);
        }

        MarkPossiblePrimary(member);
        if (member.Me is not null && member.Me != member.Address)
        {
            servers.Remove(member.Address);
        }
    }

    private void UpdateFromMemberWithPrimary(ServerDescription member)
    {
        if (setName != member.SetName || (member.Me is not null && member.Me != member.Address))
        {
            servers.Remove(member.Address);
            CheckIfHasPrimary();
            return;
        }

        if (!servers.Values.Any(s => s.Type == ServerType.RSPrimary))
        {
            type = TopologyType.ReplicaSetNoPrimary;
            MarkPossiblePrimary(member);
        }
    }

    private void MarkPossiblePrimary(ServerDescription member)
    {
        if (member.Primary is { } primary && servers.TryGetValue(primary, out var candidate) && candidate.Type == ServerType.Unknown)
        {
            servers[primary] = candidate with { Type = ServerType.PossiblePrimary };
        }
    }

    private void CheckIfHasPrimary() =>
        type = servers.Values.Any(s => s.Type == ServerType.RSPrimary) ? TopologyType.ReplicaSetWithPrimary : TopologyType.ReplicaSetNoPrimary;

    private string? CompatibilityError()
    {
        foreach (var server in servers.Values.Where(s => s.Type != ServerType.Unknown))
        {
            if (server.MinWireVersion > TopologyDescription.MaxSupportedWireVersion)
            {
                return $"Server {server.Address} requires wire version {server.MinWireVersion}, but this client supports at most {TopologyDescription.MaxSupportedWireVersion}.";
            }

            if (server.MaxWireVersion < TopologyDescription.MinSupportedWireVersion)
            {
                return $"Server {server.Address} supports wire version {server.MaxWireVersion} at most, but this client needs at least {TopologyDescription.MinSupportedWireVersion} (MongoDB 4.0).";
            }
        }

        return null;
    }

    private static int Compare<T>(T? left, T? right)
        where T : struct, IComparable<T> =>
        (left, right) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => left.Value.CompareTo(right.Value),
        };
}
