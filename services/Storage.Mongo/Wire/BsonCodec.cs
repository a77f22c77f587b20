using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>The single path between BsonDocument and bytes used by every message this client sends or reads.</summary>
public static class BsonCodec
{
    public static byte[] Encode(BsonDocument document)
    {
        using var stream = new MemoryStream();
        Write(stream, document);
        return stream.ToArray();
    }

    public static void Write(Stream stream, BsonDocument document)
    {
        using var writer = new BsonBinaryWriter(stream);
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
            using var reader = new BsonBinaryReader(stream);
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
