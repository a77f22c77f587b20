using System.Buffers.Binary;
using System.Text;

namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>Turns an OP_MSG into the exact bytes that go on the wire (header, flagBits, sections, optional CRC-32C).</summary>
public static class OpMsgEncoder
{
    private const int HeaderLength = 16;

    public static byte[] Encode(OpMsgMessage message)
    {
        using var stream = new MemoryStream();
        Span<byte> int32 = stackalloc byte[4];
        stream.Write(new byte[HeaderLength]);
        BinaryPrimitives.WriteUInt32LittleEndian(int32, (uint)message.Flags);
        stream.Write(int32);

        stream.WriteByte(0);
        BsonCodec.Write(stream, message.Body);

        foreach (var sequence in message.Sequences)
        {
            stream.WriteByte(1);
            var sizePosition = stream.Position;
            stream.Write(int32);
            stream.Write(Encoding.UTF8.GetBytes(sequence.Identifier));
            stream.WriteByte(0);
            foreach (var document in sequence.Documents)
            {
                BsonCodec.Write(stream, document);
            }

            var size = (int)(stream.Position - sizePosition);
            var end = stream.Position;
            stream.Position = sizePosition;
            BinaryPrimitives.WriteInt32LittleEndian(int32, size);
            stream.Write(int32);
            stream.Position = end;
        }

        if (message.Flags.HasFlag(OpMsgFlags.ChecksumPresent))
        {
            stream.Write(int32);
        }

        var bytes = stream.ToArray();
        var header = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(header, bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], message.RequestId);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], message.ResponseTo);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], WireOpCode.Msg);
        if (message.Flags.HasFlag(OpMsgFlags.ChecksumPresent))
        {
            var crc = Crc32C.Compute(bytes.AsSpan(0, bytes.Length - 4));
            BinaryPrimitives.WriteUInt32LittleEndian(header[(bytes.Length - 4)..], crc);
        }

        return bytes;
    }
}
