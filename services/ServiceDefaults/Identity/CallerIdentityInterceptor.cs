using CapacityHub.Rpc;

namespace CapacityHub.ServiceDefaults.Identity;

/// <summary>
/// Every call into a service must carry a caller token from the gateway (or another service);
/// calls without a valid one end UNAUTHENTICATED before any handler runs. Health and reflection
/// stay open: probes and operators' tools have no user.
/// </summary>
public sealed class CallerIdentityInterceptor(CallerTokens tokens) : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
    {
        if (IsInfrastructure(context.Method))
        {
            await next(context);
            return;
        }

        var token = context.RequestHeaders.GetValue(CallerTokenOptions.MetadataKey);
        if (string.IsNullOrEmpty(token))
        {
            throw new RpcException(StatusCode.Unauthenticated, $"Calls to CapacityHub services need a caller token in '{CallerTokenOptions.MetadataKey}'; call through the gateway.");
        }

        var caller = await tokens.ValidateAsync(token)
            ?? throw new RpcException(StatusCode.Unauthenticated, "The caller token is invalid or expired.");
        context.SetCaller(caller);
        await next(context);
    }

    private static bool IsInfrastructure(string method) =>
        method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal) ||
        method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);
}
