using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityHub.Storage;

/// <summary>
/// How documents become JSON in every backend: camelCase properties, enums as camelCase strings.
/// Store instants as unix milliseconds (long) when they are filtered or sorted on, so ranges compare numerically.
/// </summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Turns a filter value into the JSON the document would hold, so comparisons match stored fields.</summary>
    public static JsonElement ToElement(object? value, JsonSerializerOptions options)
    {
        var element = value is JsonElement e ? e : JsonSerializer.SerializeToElement(value, options);
        if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            throw new ArgumentException("Filter values must be strings, numbers, booleans or null.", nameof(value));
        }

        return element;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Stored, never embedded in HTML: names in Thai or Japanese stay UTF-8 instead of six-byte \uXXXX escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
