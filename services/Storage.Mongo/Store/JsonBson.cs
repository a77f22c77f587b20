using System.Buffers;
using System.Text.Json;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// Converts between the store's JSON (System.Text.Json, as every backend serialises documents) and native
/// BSON: objects become sub-documents, JSON integers Int64 (so $inc and range comparisons stay integral),
/// other numbers Double, and UTC instants (RFC 3339 with "Z", as protobuf JSON writes Timestamps) BSON
/// dates. A string becomes a date only when it reads back as exactly the same text (<see cref="BsonInstants"/>),
/// so the conversion never changes what the service reads.
/// </summary>
internal static class JsonBson
{
    public static BsonValue ToBson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => (BsonValue?)BsonInstants.TryDate(element.GetString()!) ?? new BsonString(element.GetString()),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? new BsonInt64(integer) : new BsonDouble(element.GetDouble()),
        JsonValueKind.True => BsonBoolean.True,
        JsonValueKind.False => BsonBoolean.False,
        JsonValueKind.Null or JsonValueKind.Undefined => BsonNull.Value,
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select(ToBson)),
        JsonValueKind.Object => ToDocument(element),
        _ => throw new ArgumentOutOfRangeException(nameof(element), element.ValueKind, "Unknown JSON value kind."),
    };

    public static BsonDocument ToDocument(JsonElement element)
    {
        var document = new BsonDocument();
        foreach (var property in element.EnumerateObject())
        {
            document.Add(property.Name, ToBson(property.Value));
        }

        return document;
    }

    /// <summary>The JSON of a stored document without the store's own fields (_id, _v).</summary>
    public static byte[] ToJson(BsonDocument document, bool skipStoreFields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteDocument(writer, document, skipStoreFields);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A single BSON value as a JSON element (e.g. a keyset position for a page token).</summary>
    public static JsonElement ToElement(BsonValue value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteValue(writer, value);
        }

        using var parsed = JsonDocument.Parse(buffer.WrittenMemory);
        return parsed.RootElement.Clone();
    }

    private static void WriteDocument(Utf8JsonWriter writer, BsonDocument document, bool skipStoreFields)
    {
        writer.WriteStartObject();
        foreach (var element in document)
        {
            if (skipStoreFields && element.Name is StoredDocument.IdField or StoredDocument.VersionField)
            {
                continue;
            }

            writer.WritePropertyName(element.Name);
            WriteValue(writer, element.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.String:
                writer.WriteStringValue(value.AsString);
                break;
            case BsonType.Int32:
                writer.WriteNumberValue(value.AsInt32);
                break;
            case BsonType.Int64:
                writer.WriteNumberValue(value.AsInt64);
                break;
            case BsonType.Double:
                writer.WriteNumberValue(value.AsDouble);
                break;
            case BsonType.Decimal128:
                writer.WriteRawValue(value.AsDecimal128.ToString());
                break;
            case BsonType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case BsonType.Null or BsonType.Undefined:
                writer.WriteNullValue();
                break;
            case BsonType.Document:
                WriteDocument(writer, value.AsBsonDocument, skipStoreFields: false);
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var item in value.AsBsonArray)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case BsonType.DateTime:
                writer.WriteStringValue(BsonInstants.Text(value.AsBsonDateTime));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
