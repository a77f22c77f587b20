using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>The single path between BsonDocument and bytes used by every message this client sends or reads.</summary>
public static class BsonCodec
{
    // Binary subtypes 3 and 4 must pass through byte for byte: the wire client never reinterprets UUIDs,
    // so the legacy C# GUID byte-swapping of MongoDB.Bson 2.x is switched off for its readers and writers.
#pragma warning disable CS0618 // GuidRepresentation on settings is obsolete in 2.x but is the only per-stream switch.
    private static readonly BsonBinaryReaderSettings ReaderSettings = new() { GuidRepresentation = GuidRepresentation.Unspecified };
    private static readonly BsonBinaryWriterSettings WriterSettings = new() { GuidRepresentation = GuidRepresentation.Unspecified };
#pragma warning restore CS0618

    public static byte[] Encode(BsonDocument document)
    {
        using var stream = new MemoryStream();
        Write(stream, document);
        return stream.ToArray();
    }

    public static void Write(Stream stream, BsonDocument document)
    {
        using var writer = new BsonBinaryWriter(stream, WriterSettings);
        BsonSerializer.Serialize(writer, document);
    }

    /// <summary>Decodes exactly one document occupying all of <paramref name="bytes"/>.</summary>
    public static BsonDocument Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5)
        {
            throw new MongoWireException($"A BSON document needs at least 5 bytes, got {bytes.Length}.");
        }

        var declared = BitConverter.ToInt32(bytes[..4]);
        if (declared != bytes.Length)
        {
            throw new MongoWireException($"BSON document declares {declared} bytes but {bytes.Length} are present.");
        }

        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var reader = new BsonBinaryReader(stream, ReaderSettings);
            var document = BsonSerializer.Deserialize<BsonDocument>(reader);
            if (stream.Position != bytes.Length)
            {
                throw new MongoWireException("BSON document has trailing bytes.");
            }

            return document;
        }
        catch (Exception e) when (e is not MongoWireException)
        {
            throw new MongoWireException("Invalid BSON: " + e.Message, e);
        }
    }
}
