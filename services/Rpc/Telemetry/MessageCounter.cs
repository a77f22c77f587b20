using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CapacityHub.Rpc.Telemetry;

/// <summary>
/// Counts the gRPC messages in one direction of a call by following the 5-byte frame headers in the bytes
/// that pass, and records each uncompressed message's size. Compressed messages are counted but not
/// measured: the conventions ask for the uncompressed size, which only the codec knows.
/// </summary>
internal sealed class MessageCounter(Histogram<long> sizes, TagList tags)
{
    private const int HeaderSize = 5;

    private readonly byte[] header = new byte[HeaderSize];
    private int headerFilled;
    private long payloadLeft;
    private int messages;

    public int Messages => Volatile.Read(ref messages);

    public void Feed(in ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            Feed(segment.Span);
        }
    }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (payloadLeft > 0)
            {
                var skipped = (int)Math.Min(payloadLeft, bytes.Length);
                payloadLeft -= skipped;
                bytes = bytes[skipped..];
                continue;
            }

            var taken = Math.Min(HeaderSize - headerFilled, bytes.Length);
            bytes[..taken].CopyTo(header.AsSpan(headerFilled));
            headerFilled += taken;
            bytes = bytes[taken..];
            if (headerFilled == HeaderSize)
            {
                headerFilled = 0;
                payloadLeft = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
                Interlocked.Increment(ref messages);
                if (header[0] == 0)
                {
                    sizes.Record(payloadLeft, tags);
                }
            }
        }
    }
}
