using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CapacityHub.Rpc;

public delegate Task<TResponse> UnaryHandler<in TService, in TRequest, TResponse>(
    TService service, TRequest request, ServerCallContext context);

public delegate Task ServerStreamingHandler<in TService, in TRequest, TResponse>(
    TService service, TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);

public delegate Task<TResponse> ClientStreamingHandler<in TService, in TRequest, TResponse>(
    TService service, IAsyncStreamReader<TRequest> requestStream, ServerCallContext context);

public delegate Task DuplexStreamingHandler<in TService, TRequest, TResponse>(
    TService service, IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);

/// <summary>
/// Receives a generated service's methods once at startup (generated <c>FooBase.BindService</c> calls it),
/// so that the server dispatches calls through delegates rather than reflection.
/// </summary>
public interface IServiceBinder<TService>
    where TService : class
{
    void DescribeService(ServiceDescriptor descriptor);

    void AddUnary<TRequest, TResponse>(
        Method<TRequest, TResponse> method, UnaryHandler<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    void AddServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, ServerStreamingHandler<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    void AddClientStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, ClientStreamingHandler<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    void AddDuplexStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, DuplexStreamingHandler<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;
}
