using Google.Protobuf;

namespace CapacityHub.Rpc.Server;

internal sealed class UnaryMethodHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    UnaryHandler<TService, TRequest, TResponse> handler,
    MethodServices<TService> services) : ServerMethodHandler<TService>(method, services)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext call)
    {
        var request = await UnaryRequest.ReadAsync(call, method.RequestParser).ConfigureAwait(false);
        var service = Services.Activator.Create(call.HttpContext);
        try
        {
            var response = RequireResponse(await handler(service, request, call).ConfigureAwait(false));
            await call.WriteMessageAsync(response, flush: false, call.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Services.Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}

internal sealed class ServerStreamingMethodHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerStreamingHandler<TService, TRequest, TResponse> handler,
    MethodServices<TService> services) : ServerMethodHandler<TService>(method, services)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext call)
    {
        var request = await UnaryRequest.ReadAsync(call, method.RequestParser).ConfigureAwait(false);
        var service = Services.Activator.Create(call.HttpContext);
        try
        {
            await handler(service, request, new ResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        }
        finally
        {
            await Services.Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}

internal sealed class ClientStreamingMethodHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ClientStreamingHandler<TService, TRequest, TResponse> handler,
    MethodServices<TService> services) : ServerMethodHandler<TService>(method, services)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext call)
    {
        var service = Services.Activator.Create(call.HttpContext);
        try
        {
            var reader = new RequestStreamReader<TRequest>(call, method.RequestParser);
            var response = RequireResponse(await handler(service, reader, call).ConfigureAwait(false));
            await call.WriteMessageAsync(response, flush: false, call.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Services.Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}

internal sealed class DuplexStreamingMethodHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    DuplexStreamingHandler<TService, TRequest, TResponse> handler,
    MethodServices<TService> services) : ServerMethodHandler<TService>(method, services)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext call)
    {
        var service = Services.Activator.Create(call.HttpContext);
        try
        {
            var reader = new RequestStreamReader<TRequest>(call, method.RequestParser);
            await handler(service, reader, new ResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        }
        finally
        {
            await Services.Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}
