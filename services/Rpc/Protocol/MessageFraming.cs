using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Google.Protobuf;

namespace CapacityHub.Rpc.Protocol;

/// <summary>
/// gRPC length-prefixed messages: 1 byte compressed flag, 4 bytes big-endian length, then the payload.
/// Reading parses straight from the pipe's buffers; writing serialises straight into the pipe.
/// </summary>
public static class MessageFraming
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/> if it is there.
    /// Throws RESOURCE_EXHAUSTED as soon as the header announces more than maxMessageSize,
    /// and INTERNAL for a flag other than 0 or 1.
    /// </summary>
    public static bool TryReadFrame(
        ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var flag = header[0];
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Invalid message frame: compressed flag {flag} is neither 0 nor 1.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {maxMessageSize}).");
        }

        if (buffer.Length < HeaderSize + length)
        {
            return false;
        }

        compressed = flag == 1;
        payload = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>
    /// Reads the next message, or returns null when the stream ended cleanly between messages.
    /// <paramref name="encoding"/> is the peer's grpc-encoding (null or "identity" for none).
    /// </summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(
        PipeReader reader, MessageParser<T> parser, string? encoding, int maxMessageSize, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                if (TryReadFrame(ref buffer, maxMessageSize, out var compressed, out var payload))
                {
                    var message = Parse(parser, payload, compressed, encoding, maxMessageSize);
                    reader.AdvanceTo(buffer.Start);
                    return message;
                }
            }
            catch
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (buffer.IsEmpty)
                {
                    return null;
                }

                throw new RpcException(
                    StatusCode.Internal,
                    $"Incomplete message: the stream ended with {buffer.Length} bytes of an unfinished frame.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public static T Parse<T>(
        MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, string? encoding, int maxMessageSize)
        where T : class, IMessage<T>
    {
        if (!compressed)
        {
            return ParseOrFail(parser, payload);
        }

        if (encoding is null || encoding == GrpcHeaders.Identity)
        {
            throw new RpcException(
                StatusCode.Internal, "Message is flagged as compressed but no grpc-encoding was sent.");
        }

        if (encoding != GrpcHeaders.Gzip)
        {
            throw new RpcException(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'.");
        }

        var plain = GzipCompression.Decompress(payload, maxMessageSize);
        try
        {
            return ParseOrFail(parser, new ReadOnlySequence<byte>(plain.Array!, plain.Offset, plain.Count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain.Array!);
        }
    }

    /// <summary>Writes one frame; with compress, the payload is gzipped and flagged.</summary>
    public static void WriteMessage(
        IBufferWriter<byte> writer, IMessage message, bool compress, CompressionLevel level = CompressionLevel.Fastest)
    {
        var size = message.CalculateSize();
        if (compress)
        {
            var plain = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
            try
            {
                message.WriteTo(plain.AsSpan(0, size));
                WritePayload(writer, GzipCompression.Compress(plain.AsSpan(0, size), level), compressed: true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(plain);
            }

            return;
        }

        var span = writer.GetSpan(HeaderSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        message.WriteTo(span.Slice(HeaderSize, size));
        writer.Advance(HeaderSize + size);
    }

    /// <summary>Writes an already-serialised payload as one frame.</summary>
    public static void WritePayload(IBufferWriter<byte> writer, ReadOnlySpan<byte> payload, bool compressed)
    {
        var span = writer.GetSpan(HeaderSize + payload.Length);
        span[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)payload.Length);
        payload.CopyTo(span[HeaderSize..]);
        writer.Advance(HeaderSize + payload.Length);
    }

    private static T ParseOrFail<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload)
        where T : class, IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(StatusCode.Internal, "Failed to deserialize message: " + ex.Message);
        }
    }
}
