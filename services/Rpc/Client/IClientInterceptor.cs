namespace CapacityHub.Rpc;

/// <summary>
/// Runs before each outgoing call, e.g. to add caller identity or W3C traceparent headers.
/// Throwing an <see cref="RpcException"/> fails the call with that status before anything is sent.
/// </summary>
public interface IClientInterceptor
{
    ValueTask InterceptAsync(ClientCallInfo call, CancellationToken cancellationToken);
}

/// <summary>What an interceptor sees of a call about to start; <see cref="Headers"/> may be changed.</summary>
public sealed class ClientCallInfo(IMethod method, Metadata headers, DateTime? deadline)
{
    public IMethod Method { get; } = method;

    public Metadata Headers { get; } = headers;

    public DateTime? Deadline { get; } = deadline;
}
