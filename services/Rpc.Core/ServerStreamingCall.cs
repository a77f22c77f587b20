namespace CapacityHub.Rpc;

/// <summary>A client's view of a server-streaming call.</summary>
public sealed class ServerStreamingCall<TResponse>(IAsyncStreamReader<TResponse> responseStream, ICallState state)
    : IDisposable
{
    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;

    public Task<Metadata> ResponseHeadersAsync => state.ResponseHeadersAsync;

    public RpcStatus GetStatus() => state.GetStatus();

    public Metadata GetTrailers() => state.GetTrailers();

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose() => state.Dispose();
}
