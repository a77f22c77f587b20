using System.Collections.Concurrent;

namespace CapacityHub.Rpc.Tests.Client.Support;

/// <summary>
/// Passes requests to a real SocketsHttpHandler and records what went over the wire:
/// how many attempts were made, the request body of single-message calls and the response headers.
/// </summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public ConcurrentQueue<byte[]> RequestBodies { get; } = new();

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public ConcurrentQueue<HttpResponseMessage> Responses { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        Requests.Enqueue(request);
        if (request.Content is { } content && content.Headers.ContentLength is not null)
        {
            RequestBodies.Enqueue(await content.ReadAsByteArrayAsync(cancellationToken));
        }

        var response = await base.SendAsync(request, cancellationToken);
        Responses.Enqueue(response);
        return response;
    }
}
