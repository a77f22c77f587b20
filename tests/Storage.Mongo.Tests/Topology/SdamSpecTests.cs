using CapacityHub.Storage.Mongo.ConnectionString;
using CapacityHub.Storage.Mongo.Tests.Specs;
using CapacityHub.Storage.Mongo.Topology;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Topology;

/// <summary>
/// SDAM spec cases (sdam/rs and sdam/single): each phase's hello replies are fed into the topology state
/// machine (an empty reply stands for a failed check) and the resulting topology is compared with the outcome.
/// </summary>
public sealed class SdamSpecTests
{
    public static TheoryData<SpecCase> Cases()
    {
        var data = new TheoryData<SpecCase>();
        foreach (var folder in new[] { "rs", "single" })
        {
            foreach (var file in SpecData.Files(Path.Combine("sdam", folder)))
            {
                data.Add(new SpecCase($"{folder}/{Path.GetFileName(file)}", 0, SpecData.Load(file)["description"].AsString));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SdamCase(SpecCase specCase)
    {
        var spec = SpecData.Load(Path.Combine(SpecData.Folder("sdam"), specCase.File));
        var machine = new TopologyStateMachine(TopologySettings.From(MongoConnectionString.Parse(spec["uri"].AsString)));
        var phaseNumber = 0;
        foreach (var phase in spec["phases"].AsBsonArray.Select(p => p.AsBsonDocument))
        {
            phaseNumber++;
            foreach (var response in phase.GetValue("responses", new BsonArray()).AsBsonArray.Select(r => r.AsBsonArray))
            {
                var address = response[0].AsString;
                var hello = response[1].AsBsonDocument;
                if (hello.ElementCount == 0)
                {
                    machine.OnCheckFailed(address, "network error");
                }
                else
                {
                    machine.Apply(HelloParser.Parse(address, hello));
                }
            }

            AssertOutcome(phase["outcome"].AsBsonDocument, machine.Description, $"phase {phaseNumber}");
        }
    }

    private static void AssertOutcome(BsonDocument outcome, TopologyDescription actual, string phase)
    {
        Assert.True(outcome["topologyType"].AsString == actual.Type.ToString(), $"{phase}: topologyType {actual.Type}, expected {outcome["topologyType"]}");
        if (outcome.TryGetValue("setName", out var setName))
        {
            Assert.True(NullableString(setName) == actual.SetName, $"{phase}: setName {actual.SetName}");
        }

        if (outcome.TryGetValue("logicalSessionTimeoutMinutes", out var lstm))
        {
            Assert.True((lstm.IsBsonNull ? null : lstm.ToInt32()) == actual.LogicalSessionTimeoutMinutes, $"{phase}: logicalSessionTimeoutMinutes {actual.LogicalSessionTimeoutMinutes}");
        }

        if (outcome.TryGetValue("maxSetVersion", out var maxSetVersion))
        {
            Assert.True((maxSetVersion.IsBsonNull ? null : maxSetVersion.ToInt32()) == actual.MaxSetVersion, $"{phase}: maxSetVersion {actual.MaxSetVersion}");
        }

        if (outcome.TryGetValue("maxElectionId", out var maxElectionId))
        {
            Assert.True((maxElectionId.IsBsonNull ? null : maxElectionId.AsObjectId) == actual.MaxElectionId, $"{phase}: maxElectionId {actual.MaxElectionId}");
        }

        if (outcome.TryGetValue("compatible", out var compatible))
        {
            Assert.True(compatible.AsBoolean == actual.Compatible, $"{phase}: compatible {actual.Compatible}");
        }

        var expectedServers = outcome["servers"].AsBsonDocument;
        Assert.Equal(expectedServers.Names.Order(StringComparer.Ordinal), actual.Servers.Keys.Order(StringComparer.Ordinal));
        foreach (var expected in expectedServers)
        {
            AssertServer(expected.Value.AsBsonDocument, actual.Servers[expected.Name], $"{phase} {expected.Name}");
        }
    }

    private static void AssertServer(BsonDocument expected, ServerDescription actual, string where)
    {
        Assert.True(expected["type"].AsString == actual.Type.ToString(), $"{where}: type {actual.Type}, expected {expected["type"]}");
        if (expected.TryGetValue("setName", out var setName))
        {
            Assert.True(NullableString(setName) == actual.SetName, $"{where}: setName {actual.SetName}");
        }

        if (expected.TryGetValue("setVersion", out var setVersion))
        {
            Assert.True((setVersion.IsBsonNull ? null : setVersion.ToInt32()) == actual.SetVersion, $"{where}: setVersion {actual.SetVersion}");
        }

        if (expected.TryGetValue("electionId", out var electionId))
        {
            Assert.True((electionId.IsBsonNull ? null : electionId.AsObjectId) == actual.ElectionId, $"{where}: electionId {actual.ElectionId}");
        }

        if (expected.TryGetValue("topologyVersion", out var topologyVersion))
        {
            Assert.True(topologyVersion.IsBsonNull ? actual.TopologyVersion is null : topologyVersion.Equals(actual.TopologyVersion), $"{where}: topologyVersion {actual.TopologyVersion}");
        }
    }

    private static string? NullableString(BsonValue value) => value.IsBsonNull ? null : value.AsString;
}
