using CapacityHub.Storage.Mongo.Tests.Specs;
using CapacityHub.Storage.Mongo.Topology;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Topology;

/// <summary>
/// server-selection spec files: suitability and latency-window cases, the RTT moving-average cases, and the
/// operation-count ("power of two choices") cases. The unified-format files there (load-balanced, operation-id,
/// replica-set, sharded, standalone) need a real deployment and are not run.
/// </summary>
public sealed class ServerSelectionSpecTests
{
    private static readonly TimeSpan LocalThreshold = TimeSpan.FromMilliseconds(15);

    public static TheoryData<SpecCase> SelectionCases() => CasesWith("suitable_servers");

    public static TheoryData<SpecCase> RoundTripCases() => CasesWith("new_avg_rtt");

    public static TheoryData<SpecCase> OperationCountCases() => CasesWith("mocked_topology_state");

    [Theory]
    [MemberData(nameof(SelectionCases))]
    public void SelectionCase(SpecCase specCase)
    {
        var spec = Load(specCase);
        var topology = Topology(spec["topology_description"].AsBsonDocument);
        var readPreference = spec.TryGetValue("read_preference", out var rp)
            ? ReadPreference.Parse(rp["mode"].AsString, rp.AsBsonDocument.GetValue("tag_sets", new BsonArray()).AsBsonArray.Select(t => t.AsBsonDocument))
            : ReadPreference.Primary;
        var deprioritized = spec.GetValue("deprioritized_servers", new BsonArray()).AsBsonArray.Select(s => s["address"].AsString).ToList();

        var suitable = ServerSelector.Suitable(topology, readPreference, spec["operation"].AsString == "write", deprioritized);
        var window = ServerSelector.InLatencyWindow(suitable, LocalThreshold);

        Assert.Equal(Addresses(spec["suitable_servers"]), suitable.Select(s => s.Address).Order(StringComparer.Ordinal));
        Assert.Equal(Addresses(spec["in_latency_window"]), window.Select(s => s.Address).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void RoundTripAverageCase(SpecCase specCase)
    {
        var spec = Load(specCase);
        double? previous = spec["avg_rtt_ms"].IsString ? null : spec["avg_rtt_ms"].ToDouble();
        Assert.Equal(spec["new_avg_rtt"].ToDouble(), RoundTripTimeAverage.Next(previous, spec["new_rtt_ms"].ToDouble()), 6);
    }

    [Theory]
    [MemberData(nameof(OperationCountCases))]
    public void OperationCountCase(SpecCase specCase)
    {
        var spec = Load(specCase);
        var topology = Topology(spec["topology_description"].AsBsonDocument);
        var counts = spec["mocked_topology_state"].AsBsonArray.ToDictionary(s => s["address"].AsString, s => s["operation_count"].ToInt32());
        var iterations = spec["iterations"].ToInt32();
        var window = ServerSelector.InLatencyWindow(ServerSelector.Suitable(topology, new ReadPreference(ReadPreferenceMode.Nearest, []), isWrite: false), LocalThreshold);
        var random = new Random(12345);
        var chosen = new Dictionary<string, int>();
        for (var i = 0; i < iterations; i++)
        {
            var server = ServerSelector.Choose(window, a => counts[a], random);
            chosen[server.Address] = chosen.GetValueOrDefault(server.Address) + 1;
        }

        var outcome = spec["outcome"].AsBsonDocument;
        var tolerance = outcome["tolerance"].ToDouble();
        foreach (var expected in outcome["expected_frequencies"].AsBsonDocument)
        {
            var frequency = chosen.GetValueOrDefault(expected.Name) / (double)iterations;
            Assert.True(Math.Abs(frequency - expected.Value.ToDouble()) <= tolerance, $"{expected.Name}: chosen {frequency:P1}, expected {expected.Value}±{tolerance}");
        }
    }

    private static TopologyDescription Topology(BsonDocument description)
    {
        var servers = description["servers"].AsBsonArray.Select(s => s.AsBsonDocument).Select(s => new ServerDescription(s["address"].AsString, Enum.Parse<ServerType>(s["type"].AsString))
        {
            RoundTripTime = s.TryGetValue("avg_rtt_ms", out var rtt) ? TimeSpan.FromMilliseconds(rtt.ToDouble()) : null,
            Tags = s.TryGetValue("tags", out var tags) ? tags.AsBsonDocument.ToDictionary(t => t.Name, t => t.Value.AsString) : new Dictionary<string, string>(),
        }).ToDictionary(s => s.Address);
        return new TopologyDescription(Enum.Parse<TopologyType>(description["type"].AsString), null, null, null, servers, null);
    }

    private static IEnumerable<string> Addresses(BsonValue servers) => servers.AsBsonArray.Select(s => s["address"].AsString).Order(StringComparer.Ordinal);

    private static BsonDocument Load(SpecCase specCase) => SpecData.Load(Path.Combine(SpecData.Folder("server-selection"), specCase.File));

    private static TheoryData<SpecCase> CasesWith(string key)
    {
        var data = new TheoryData<SpecCase>();
        foreach (var file in SpecData.Files("server-selection"))
        {
            var spec = SpecData.Load(file);
            if (spec.Contains(key))
            {
                data.Add(new SpecCase(Path.GetFileName(file), 0, spec.GetValue("description", Path.GetFileNameWithoutExtension(file)).ToString()!));
            }
        }

        return data;
    }
}
