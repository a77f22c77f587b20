using System.Buffers;
using CapacityHub.Rpc.Protocol;
using Google.Protobuf;

namespace CapacityHub.Rpc.Server;

/// <summary>Reads the single request message of a unary or server-streaming call: exactly one frame, then end of stream.</summary>
internal static class UnaryRequest
{
    public static async ValueTask<T> ReadAsync<T>(HttpServerCallContext call, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var reader = call.HttpContext.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(call.CancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (!result.IsCompleted)
            {
                // Fail early on an oversized frame instead of buffering it whole.
                var probe = buffer;
                _ = MessageFraming.TryReadFrame(ref probe, call.Options.MaxReceiveMessageSize, out _, out _);
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            try
            {
                return Parse(call, parser, buffer);
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
        }
    }

    private static T Parse<T>(HttpServerCallContext call, MessageParser<T> parser, ReadOnlySequence<byte> buffer)
        where T : class, IMessage<T>
    {
        if (buffer.IsEmpty)
        {
            throw new RpcException(StatusCode.Internal, "Request did not include a message.");
        }

        var maxSize = call.Options.MaxReceiveMessageSize;
        if (!MessageFraming.TryReadFrame(ref buffer, maxSize, out var compressed, out var payload))
        {
            throw new RpcException(
                StatusCode.Internal, $"Incomplete message: the request ended with {buffer.Length} bytes of an unfinished frame.");
        }

        if (!buffer.IsEmpty)
        {
            throw new RpcException(StatusCode.Internal, "Additional data after the request message of a unary call.");
        }

        return MessageFraming.Parse(parser, payload, compressed, call.RequestEncoding, maxSize);
    }
}
