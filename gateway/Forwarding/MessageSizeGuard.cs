using System.Buffers;
using System.Buffers.Binary;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// Follows the 5-byte gRPC message prefixes of a request stream as its bytes pass by, without
/// buffering or parsing the messages, and notices the first message longer than the limit.
/// </summary>
public sealed class MessageSizeGuard(int maxMessageBytes)
{
    private readonly byte[] prefix = new byte[5];
    private int prefixFilled;
    private long bodyRemaining;

    public int MaxMessageBytes => maxMessageBytes;

    /// <summary>The announced length of the first message over the limit, or null.</summary>
    public long? ExceededBy { get; private set; }

    /// <summary>False once a message over the limit has been announced.</summary>
    public bool Inspect(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            if (!Inspect(segment.Span))
            {
                return false;
            }
        }

        return true;
    }

    private bool Inspect(ReadOnlySpan<byte> span)
    {
        while (!span.IsEmpty)
        {
            if (bodyRemaining > 0)
            {
                var skip = (int)Math.Min(bodyRemaining, span.Length);
                bodyRemaining -= skip;
                span = span[skip..];
                continue;
            }

            var take = Math.Min(5 - prefixFilled, span.Length);
            span[..take].CopyTo(prefix.AsSpan(prefixFilled));
            prefixFilled += take;
            span = span[take..];
            if (prefixFilled < 5)
            {
                return true;
            }

            prefixFilled = 0;
            bodyRemaining = BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1));
            if (bodyRemaining > maxMessageBytes)
            {
                ExceededBy = bodyRemaining;
                return false;
            }
        }

        return true;
    }
}
