using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityHub.Storage.Tests;

/// <summary>JSON text kept as a nested object of the stored document, never as an escaped string; old strings still read.</summary>
public sealed class EmbeddedJsonTests
{
    private sealed record Stored(string Id, [property: JsonConverter(typeof(EmbeddedJson))] string Resource);

    [Fact]
    public void The_resource_is_written_as_a_compact_nested_object_with_UTF8_text()
    {
        var json = JsonSerializer.Serialize(new Stored("n-1", """{ "displayName": "Somchai ใจดี", "seats": 20 }"""), StoreJson.Options);

        Assert.Equal("""{"id":"n-1","resource":{"displayName":"Somchai ใจดี","seats":20}}""", json);
    }

    [Fact]
    public void A_resource_stored_as_a_string_by_an_older_version_reads_the_same()
    {
        var old = JsonSerializer.Deserialize<Stored>("""{"id":"n-1","resource":"{ \"seats\": 20 }"}""", StoreJson.Options)!;
        var current = JsonSerializer.Deserialize<Stored>("""{"id":"n-1","resource":{"seats":20}}""", StoreJson.Options)!;

        Assert.Equal("{ \"seats\": 20 }", old.Resource);
        Assert.Equal("""{"seats":20}""", current.Resource);
    }
}
