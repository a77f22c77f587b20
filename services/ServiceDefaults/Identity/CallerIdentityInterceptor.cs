using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityHub.ServiceDefaults.Identity;

/// <summary>
/// Every call into a service must carry a caller token from the gateway (or another service);
/// calls without a valid one end UNAUTHENTICATED before any handler runs. Health and reflection
/// stay open: probes and operators' tools have no user.
/// </summary>
public sealed class CallerIdentityInterceptor(CallerTokens tokens) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        if (IsInfrastructure(context.Method))
        {
            return;
        }

        var token = context.RequestHeaders.GetValue(CallerTokenOptions.MetadataKey);
        if (string.IsNullOrEmpty(token))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"Calls to CapacityHub services need a caller token in '{CallerTokenOptions.MetadataKey}'; call through the gateway."));
        }

        var caller = await tokens.ValidateAsync(token)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The caller token is invalid or expired."));
        context.SetCaller(caller);
    }

    private static bool IsInfrastructure(string method) =>
        method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal) ||
        method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);
}
