using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityHub.Gateway.Backends;

/// <summary>
/// A service the gateway cannot reach is reported by name ("the Trainings service is unavailable"), never
/// by the socket error, which carries the service's internal address. Applies to every call the gateway
/// makes (web pages, REST, dashboard), so no page or response can leak it.
/// </summary>
public sealed class ServiceUnavailableInterceptor(string serviceName) : Interceptor
{
    /// <summary>What a caller is told when a service cannot be reached, on every face of the gateway.</summary>
    public static string MessageFor(string service) => $"The {service} service is unavailable right now; try again shortly.";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(Rename(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncServerStreamingCall<TResponse>(new RenamingReader<TResponse>(call.ResponseStream, this), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> Rename<TResponse>(Task<TResponse> response)
    {
        try
        {
            return await response;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            throw Renamed(e);
        }
    }

    private RpcException Renamed(RpcException e) => new(new Status(StatusCode.Unavailable, MessageFor(serviceName)), e.Trailers);

    private sealed class RenamingReader<T>(IAsyncStreamReader<T> inner, ServiceUnavailableInterceptor owner) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            try
            {
                return await inner.MoveNext(cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                throw owner.Renamed(e);
            }
        }
    }
}
