namespace CapacityHub.Rpc;

/// <summary>
/// What a client call object asks of the transport that runs it. The client implementation
/// (RpcChannel) provides one per call; the call classes only forward to it.
/// </summary>
public interface ICallState : IDisposable
{
    /// <summary>Response headers, once they arrive (empty for a trailers-only response).</summary>
    Task<Metadata> ResponseHeadersAsync { get; }

    /// <summary>The final status; throws InvalidOperationException before the call has finished.</summary>
    RpcStatus GetStatus();

    /// <summary>The trailers; throws InvalidOperationException before the call has finished.</summary>
    Metadata GetTrailers();
}
