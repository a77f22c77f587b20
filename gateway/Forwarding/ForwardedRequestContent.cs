using System.IO.Pipelines;
using System.Net;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// The client's request body streamed to the service as it arrives: gRPC frames are copied as bytes and
/// flushed at once, so streaming calls flow both ways. A message over the size limit stops the copy.
/// </summary>
internal sealed class ForwardedRequestContent(PipeReader body, MessageSizeGuard guard) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (!guard.Inspect(buffer))
            {
                body.AdvanceTo(buffer.End);
                throw new MessageTooLargeException(guard.ExceededBy ?? 0, guard.MaxMessageBytes);
            }

            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }

            body.AdvanceTo(buffer.End);
            await stream.FlushAsync(cancellationToken);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>The client sent a message larger than the gateway accepts.</summary>
internal sealed class MessageTooLargeException(long size, int limit)
    : Exception($"Received message larger than max ({size} vs. {limit}).");
