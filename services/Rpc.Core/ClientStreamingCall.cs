namespace CapacityHub.Rpc;

/// <summary>A client's view of a client-streaming call.</summary>
public sealed class ClientStreamingCall<TRequest, TResponse>(
    IClientStreamWriter<TRequest> requestStream,
    Task<TResponse> responseAsync,
    ICallState state) : IDisposable
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;

    public Task<TResponse> ResponseAsync { get; } = responseAsync;

    public Task<Metadata> ResponseHeadersAsync => state.ResponseHeadersAsync;

    public RpcStatus GetStatus() => state.GetStatus();

    public Metadata GetTrailers() => state.GetTrailers();

    public System.Runtime.CompilerServices.TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public void Dispose() => state.Dispose();
}
