namespace CapacityHub.Rpc;

/// <summary>Continues a call: the next interceptor, or the method handler itself.</summary>
public delegate Task ServerCallContinuation(ServerCallContext context);

/// <summary>
/// Runs around every call on the server (authentication context, logging, tracing, metrics).
/// Throw an RpcException to end the call with that status; call <c>next</c> to go on.
/// </summary>
public interface IServerInterceptor
{
    Task InterceptAsync(ServerCallContext context, ServerCallContinuation next);
}
