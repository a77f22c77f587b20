using CapacityHub.Storage.Mongo.ConnectionString;
using CapacityHub.Storage.Mongo.Tests.Specs;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.ConnectionString;

/// <summary>Every case of the connection-string spec tests (valid, warnings and invalid).</summary>
public sealed class ConnectionStringSpecTests
{
    public static TheoryData<SpecCase> Cases()
    {
        var data = new TheoryData<SpecCase>();
        foreach (var file in SpecData.Files("connection-string"))
        {
            var tests = SpecData.Load(file)["tests"].AsBsonArray;
            for (var i = 0; i < tests.Count; i++)
            {
                data.Add(new SpecCase(Path.GetFileName(file), i, tests[i]["description"].AsString));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConnectionStringCase(SpecCase specCase)
    {
        var test = SpecData.Load(Path.Combine(SpecData.Folder("connection-string"), specCase.File))["tests"][specCase.Index].AsBsonDocument;
        var uri = test["uri"].AsString;
        if (!test["valid"].AsBoolean)
        {
            Assert.Throws<MongoConnectionStringException>(() => MongoConnectionString.Parse(uri));
            return;
        }

        var parsed = MongoConnectionString.Parse(uri);
        Assert.Equal(test["warning"].AsBoolean, parsed.Warnings.Count > 0);
        AssertHosts(test["hosts"], parsed);
        AssertAuth(test["auth"], parsed);
        AssertOptions(test["options"], parsed);
    }

    private static void AssertHosts(BsonValue expected, MongoConnectionString parsed)
    {
        if (expected.IsBsonNull)
        {
            return;
        }

        var hosts = expected.AsBsonArray;
        Assert.Equal(hosts.Count, parsed.Hosts.Count);
        for (var i = 0; i < hosts.Count; i++)
        {
            var kind = hosts[i]["type"].AsString switch
            {
                "hostname" => HostKind.Hostname,
                "ipv4" => HostKind.IPv4,
                "ip_literal" => HostKind.IpLiteral,
                "unix" => HostKind.Unix,
                var other => throw new InvalidOperationException("Unknown host type " + other),
            };
            Assert.Equal(kind, parsed.Hosts[i].Kind);
            Assert.Equal(hosts[i]["host"].AsString, parsed.Hosts[i].Host);
            Assert.Equal(hosts[i]["port"].IsBsonNull ? null : hosts[i]["port"].ToInt32(), parsed.Hosts[i].Port);
        }
    }

    private static void AssertAuth(BsonValue expected, MongoConnectionString parsed)
    {
        if (expected.IsBsonNull)
        {
            return;
        }

        Assert.Equal(NullableString(expected["username"]), parsed.Username);
        Assert.Equal(NullableString(expected["password"]), parsed.Password);
        Assert.Equal(NullableString(expected["db"]), parsed.Database);
    }

    private static void AssertOptions(BsonValue expected, MongoConnectionString parsed)
    {
        if (expected.IsBsonNull)
        {
            return;
        }

        foreach (var option in expected.AsBsonDocument)
        {
            var key = option.Name.ToLowerInvariant();
            Assert.True(parsed.Options.Contains(key), $"option {key} missing from {parsed.Options}");
            Assert.Equal(Unordered(option.Value), Unordered(parsed.Options[key]));
        }
    }

    /// <summary>Option documents such as authMechanismProperties are maps: field order carries no meaning.</summary>
    private static BsonValue Unordered(BsonValue value) =>
        value is BsonDocument document ? new BsonDocument(document.OrderBy(e => e.Name, StringComparer.Ordinal)) : value;

    private static string? NullableString(BsonValue value) => value.IsBsonNull ? null : value.AsString;
}
