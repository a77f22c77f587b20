namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>
/// Server selection per the spec: suitable servers by topology type, read preference and tag sets, narrowed to
/// those whose round trip is within localThreshold of the fastest, then one picked by "power of two choices"
/// on in-flight operation counts.
/// </summary>
public static class ServerSelector
{
    public static IReadOnlyList<ServerDescription> Suitable(
        TopologyDescription topology,
        ReadPreference readPreference,
        bool isWrite,
        IReadOnlyCollection<string>? deprioritized = null)
    {
        if (deprioritized is { Count: > 0 })
        {
            // Servers that just failed are left out first and used only when nothing else qualifies.
            var preferred = SuitableAmong(topology.Type, topology.Servers.Values.Where(s => !deprioritized.Contains(s.Address)), readPreference, isWrite);
            if (preferred.Count > 0)
            {
                return preferred;
            }
        }

        return SuitableAmong(topology.Type, topology.Servers.Values, readPreference, isWrite);
    }

    public static IReadOnlyList<ServerDescription> InLatencyWindow(IReadOnlyList<ServerDescription> suitable, TimeSpan localThreshold)
    {
        if (suitable.Count == 0)
        {
            return [];
        }

        var fastest = suitable.Min(s => s.RoundTripTime ?? TimeSpan.Zero);
        return [.. suitable.Where(s => (s.RoundTripTime ?? TimeSpan.Zero) <= fastest + localThreshold)];
    }

    /// <summary>Picks two distinct servers at random and keeps the one with fewer operations in flight.</summary>
    public static ServerDescription Choose(IReadOnlyList<ServerDescription> window, Func<string, int> operationCount, Random random)
    {
        if (window.Count == 0)
        {
            throw new ArgumentException("No server to choose from.", nameof(window));
        }

        if (window.Count == 1)
        {
            return window[0];
        }

        var first = random.Next(window.Count);
        var second = random.Next(window.Count - 1);
        if (second >= first)
        {
            second++;
        }

        return operationCount(window[second].Address) < operationCount(window[first].Address) ? window[second] : window[first];
    }

    private static List<ServerDescription> SuitableAmong(TopologyType topologyType, IEnumerable<ServerDescription> servers, ReadPreference readPreference, bool isWrite)
    {
        switch (topologyType)
        {
            case TopologyType.Unknown:
                return [];
            case TopologyType.Single:
                return [.. servers.Where(s => s.Type != ServerType.Unknown)];
            case TopologyType.Sharded:
                return [.. servers.Where(s => s.Type == ServerType.Mongos)];
        }

        var primaries = servers.Where(s => s.Type == ServerType.RSPrimary).ToList();
        if (isWrite)
        {
            return primaries;
        }

        var secondaries = servers.Where(s => s.Type == ServerType.RSSecondary).ToList();
        return readPreference.Mode switch
        {
            ReadPreferenceMode.Primary => primaries,
            ReadPreferenceMode.PrimaryPreferred => primaries.Count > 0 ? primaries : MatchingTags(secondaries, readPreference),
            ReadPreferenceMode.Secondary => MatchingTags(secondaries, readPreference),
            ReadPreferenceMode.SecondaryPreferred => MatchingTags(secondaries, readPreference) is { Count: > 0 } matched ? matched : primaries,
            ReadPreferenceMode.Nearest => MatchingTags([.. primaries, .. secondaries], readPreference),
            _ => [],
        };
    }

    /// <summary>The first tag set that matches any server decides; servers must carry every tag in it.</summary>
    private static List<ServerDescription> MatchingTags(List<ServerDescription> candidates, ReadPreference readPreference)
    {
        if (readPreference.TagSets.Count == 0)
        {
            return candidates;
        }

        foreach (var tagSet in readPreference.TagSets)
        {
            var matching = candidates.Where(s => tagSet.All(t => s.Tags.TryGetValue(t.Key, out var value) && value == t.Value)).ToList();
            if (matching.Count > 0)
            {
                return matching;
            }
        }

        return [];
    }
}
