using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>Builds a ServerDescription from a hello (or legacy isMaster) reply, applying the SDAM type rules.</summary>
public static class HelloParser
{
    public static ServerDescription Parse(string address, BsonDocument hello, TimeSpan? roundTripTime = null)
    {
        if (!hello.TryGetValue("ok", out var ok) || !ok.ToBoolean())
        {
            return ServerDescription.Unknown(address, "hello failed: " + hello.GetValue("errmsg", "ok was not 1"));
        }

        return new ServerDescription(address, TypeOf(hello))
        {
            SetName = Text(hello, "setName"),
            SetVersion = hello.TryGetValue("setVersion", out var setVersion) && setVersion.IsNumeric ? setVersion.ToInt32() : null,
            ElectionId = hello.TryGetValue("electionId", out var electionId) && electionId.IsObjectId ? electionId.AsObjectId : null,
            Primary = Text(hello, "primary")?.ToLowerInvariant(),
            Me = Text(hello, "me")?.ToLowerInvariant(),
            Hosts = Addresses(hello, "hosts"),
            Passives = Addresses(hello, "passives"),
            Arbiters = Addresses(hello, "arbiters"),
            Tags = hello.TryGetValue("tags", out var tags) && tags.IsBsonDocument
                ? tags.AsBsonDocument.ToDictionary(t => t.Name, t => t.Value.ToString()!)
                : new Dictionary<string, string>(),
            MinWireVersion = hello.GetValue("minWireVersion", 0).ToInt32(),
            MaxWireVersion = hello.GetValue("maxWireVersion", 0).ToInt32(),
            LogicalSessionTimeoutMinutes = hello.TryGetValue("logicalSessionTimeoutMinutes", out var ls) && ls.IsNumeric ? ls.ToInt32() : null,
            TopologyVersion = hello.TryGetValue("topologyVersion", out var tv) && tv.IsBsonDocument ? tv.AsBsonDocument : null,
            RoundTripTime = roundTripTime,
        };
    }

    private static ServerType TypeOf(BsonDocument hello)
    {
        if (Flag(hello, "isreplicaset"))
        {
            return ServerType.RSGhost;
        }

        if (Text(hello, "msg") == "isdbgrid")
        {
            return ServerType.Mongos;
        }

        if (Text(hello, "setName") is null)
        {
            return ServerType.Standalone;
        }

        if (Flag(hello, "hidden"))
        {
            return ServerType.RSOther;
        }

        if (Flag(hello, "isWritablePrimary") || Flag(hello, "ismaster"))
        {
            return ServerType.RSPrimary;
        }

        if (Flag(hello, "secondary"))
        {
            return ServerType.RSSecondary;
        }

        return Flag(hello, "arbiterOnly") ? ServerType.RSArbiter : ServerType.RSOther;
    }

    private static bool Flag(BsonDocument hello, string name) => hello.TryGetValue(name, out var value) && value.ToBoolean();

    private static string? Text(BsonDocument hello, string name) =>
        hello.TryGetValue(name, out var value) && value.IsString ? value.AsString : null;

    private static List<string> Addresses(BsonDocument hello, string name) =>
        hello.TryGetValue(name, out var value) && value.IsBsonArray
            ? [.. value.AsBsonArray.Select(v => v.AsString.ToLowerInvariant())]
            : [];
}
