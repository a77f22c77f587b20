using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Keeps a resource's protobuf JSON as a nested JSON object of the stored document (a BSON sub-document on
/// MongoDB), not as a string holding escaped JSON. Reads the older string form too, so documents written
/// before schema 2 stay readable until <see cref="TrainingsSchema"/> rewrites them.
/// </summary>
public sealed class NativeJson : JsonConverter<string>
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
