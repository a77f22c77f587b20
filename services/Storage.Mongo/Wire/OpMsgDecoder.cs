using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>Reads OP_MSG replies, refusing anything malformed with a message that says what was wrong.</summary>
public static class OpMsgDecoder
{
    public const int DefaultMaxMessageSize = 48_000_000;
    private const uint KnownFlags = (uint)(OpMsgFlags.ChecksumPresent | OpMsgFlags.MoreToCome | OpMsgFlags.ExhaustAllowed);

    public static async Task<OpMsgMessage> ReadAsync(Stream stream, int maxMessageSize, CancellationToken cancellationToken)
    {
        var lengthBytes = new byte[4];
        await stream.ReadExactlyAsync(lengthBytes, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
        if (length < 21 || length > maxMessageSize)
        {
            throw new MongoWireException($"Message length {length} is outside the allowed range 21..{maxMessageSize}.");
        }

        var bytes = new byte[length];
        lengthBytes.CopyTo(bytes, 0);
        await stream.ReadExactlyAsync(bytes.AsMemory(4), cancellationToken).ConfigureAwait(false);
        return Decode(bytes);
    }

    public static OpMsgMessage Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 21)
        {
            throw new MongoWireException($"An OP_MSG needs at least 21 bytes, got {bytes.Length}.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (length != bytes.Length)
        {
            throw new MongoWireException($"Header declares {length} bytes but {bytes.Length} were given.");
        }

        var requestId = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var responseTo = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var opCode = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        if (opCode == WireOpCode.Compressed)
        {
            throw new MongoWireException("OP_COMPRESSED is not supported: this client never offers compressors, so a server must not send it.");
        }

        if (opCode != WireOpCode.Msg)
        {
            throw new MongoWireException($"Expected OP_MSG (2013) but got opCode {opCode}.");
        }

        var flags = BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]);
        var unknownRequired = flags & 0xFFFF & ~KnownFlags;
        if (unknownRequired != 0)
        {
            throw new MongoWireException($"OP_MSG sets unknown required flag bits 0x{unknownRequired:X}.");
        }

        var end = bytes.Length;
        if ((flags & (uint)OpMsgFlags.ChecksumPresent) != 0)
        {
            end -= 4;
            var expected = BinaryPrimitives.ReadUInt32LittleEndian(bytes[end..]);
            var actual = Crc32C.Compute(bytes[..end]);
            if (expected != actual)
            {
                throw new MongoWireException($"OP_MSG checksum mismatch: message says 0x{expected:X8}, content gives 0x{actual:X8}.");
            }
        }

        BsonDocument? body = null;
        var sequences = new List<DocumentSequence>();
        var position = 20;
        while (position < end)
        {
            var kind = bytes[position++];
            switch (kind)
            {
                case 0:
                    if (body is not null)
                    {
                        throw new MongoWireException("OP_MSG has more than one kind 0 (body) section.");
                    }

                    var bodyLength = ReadDocumentLength(bytes, position, end);
                    body = BsonCodec.Decode(bytes.Slice(position, bodyLength));
                    position += bodyLength;
                    break;
                case 1:
                    sequences.Add(ReadSequence(bytes, ref position, end));
                    break;
                default:
                    throw new MongoWireException($"OP_MSG section kind {kind} is not supported.");
            }
        }

        if (body is null)
        {
            throw new MongoWireException("OP_MSG has no kind 0 (body) section.");
        }

        return new OpMsgMessage(requestId, responseTo, (OpMsgFlags)flags, body, sequences);
    }

    private static DocumentSequence ReadSequence(ReadOnlySpan<byte> bytes, ref int position, int end)
    {
        if (position + 4 > end)
        {
            throw new MongoWireException("Truncated kind 1 section size.");
        }

        var size = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
        var sectionEnd = position + size;
        if (size < 5 || sectionEnd > end)
        {
            throw new MongoWireException($"Kind 1 section size {size} runs past the message.");
        }

        var cursor = position + 4;
        var terminator = bytes[cursor..sectionEnd].IndexOf((byte)0);
        if (terminator < 0)
        {
            throw new MongoWireException("Kind 1 section identifier is not NUL-terminated.");
        }

        var identifier = Encoding.UTF8.GetString(bytes.Slice(cursor, terminator));
        cursor += terminator + 1;
        var documents = new List<BsonDocument>();
        while (cursor < sectionEnd)
        {
            var documentLength = ReadDocumentLength(bytes, cursor, sectionEnd);
            documents.Add(BsonCodec.Decode(bytes.Slice(cursor, documentLength)));
            cursor += documentLength;
        }

        position = sectionEnd;
        return new DocumentSequence(identifier, documents);
    }

    private static int ReadDocumentLength(ReadOnlySpan<byte> bytes, int position, int end)
    {
        if (position + 4 > end)
        {
            throw new MongoWireException("Truncated BSON document length.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
        if (length < 5 || position + length > end)
        {
            throw new MongoWireException($"BSON document length {length} runs past its section.");
        }

        return length;
    }
}
