namespace CapacityHub.Rpc.Tests.Infrastructure;

/// <summary>Rejects calls carrying x-deny, and marks every call it saw in a trailer, to prove interceptors wrap calls.</summary>
public sealed class GatekeeperInterceptor : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
    {
        if (context.RequestHeaders.GetValue("x-deny") is { } reason)
        {
            throw new RpcException(StatusCode.PermissionDenied, "Denied: " + reason);
        }

        context.ResponseTrailers.Add("x-intercepted-by", "gatekeeper");
        await next(context);
    }
}

/// <summary>Runs inside the gatekeeper; records the order interceptors ran in.</summary>
public sealed class OrderInterceptor : IServerInterceptor
{
    public Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
    {
        context.ResponseTrailers.Add("x-intercepted-by", "order");
        return next(context);
    }
}
