using System.Net;

namespace CapacityHub.Rpc.Client.Calls;

/// <summary>
/// The request body of a client-streaming or duplex call. HttpClient hands over the HTTP/2 request stream
/// when it starts sending; messages are written to it as the caller produces them, and the body (and with
/// it the request half of the stream) ends when the caller completes the request stream.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once HttpClient is ready to take the body.</summary>
    public Task<Stream> RequestStream => _stream.Task;

    /// <summary>Ends the body: END_STREAM is sent after what was written.</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Abandons the body, e.g. when the call failed or was cancelled.</summary>
    public void Abort() => _completed.TrySetCanceled();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        Abort();
        base.Dispose(disposing);
    }
}
