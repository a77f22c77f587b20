using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityHub.Storage;

/// <summary>
/// For a string property holding JSON text (e.g. a protobuf resource from JsonFormatter): stores it as a nested
/// JSON object of the document (a BSON sub-document on MongoDB), not as a string of escaped JSON, and reads it
/// back as text. Reads the older string form too, so documents written before a service adopted it stay
/// readable until rewritten. Use as <c>[property: JsonConverter(typeof(EmbeddedJson))] string Resource</c>.
/// </summary>
public sealed class EmbeddedJson : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    // Google.Protobuf's JsonFormatter puts a space after every ':' and ','; re-written compact, a stored
    // nomination is about 5 % smaller.
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        using var document = JsonDocument.Parse(value);
        document.RootElement.WriteTo(writer);
    }
}
