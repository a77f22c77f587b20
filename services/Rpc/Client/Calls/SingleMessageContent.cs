using System.Net;

namespace CapacityHub.Rpc.Client.Calls;

/// <summary>The request body of a unary or server-streaming call: one frame, serialised once and resent as is on retry.</summary>
internal sealed class SingleMessageContent(ReadOnlyMemory<byte> frame) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);

    protected override bool TryComputeLength(out long length)
    {
        length = frame.Length;
        return true;
    }
}
