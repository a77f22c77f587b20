using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// Keeps the RpcException that ends a transcoded call (from a forwarded service or the gateway's own
/// dashboard) for <see cref="RestResponses"/>, which answers it with its field violations intact.
/// Calls on the gRPC port are untouched.
/// </summary>
public sealed class RestErrorRecorder : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e)
        {
            RestResponses.RecordError(context.GetHttpContext(), e);
            throw;
        }
    }
}
