using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CapacityHub.Rpc.Server;

/// <summary>Collects a generated service's methods as ready-to-route handlers.</summary>
internal sealed class EndpointServiceBinder<TService>(MethodServices<TService> services) : IServiceBinder<TService>
    where TService : class
{
    public ServiceDescriptor? Descriptor { get; private set; }

    public List<ServerMethodHandler<TService>> Handlers { get; } = [];

    public void DescribeService(ServiceDescriptor descriptor) => Descriptor = descriptor;

    public void AddUnary<TRequest, TResponse>(
        Method<TRequest, TResponse> method, UnaryHandler<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Handlers.Add(new UnaryMethodHandler<TService, TRequest, TResponse>(method, handler, services));

    public void AddServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, ServerStreamingHandler<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Handlers.Add(new ServerStreamingMethodHandler<TService, TRequest, TResponse>(method, handler, services));

    public void AddClientStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, ClientStreamingHandler<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Handlers.Add(new ClientStreamingMethodHandler<TService, TRequest, TResponse>(method, handler, services));

    public void AddDuplexStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, DuplexStreamingHandler<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Handlers.Add(new DuplexStreamingMethodHandler<TService, TRequest, TResponse>(method, handler, services));
}
