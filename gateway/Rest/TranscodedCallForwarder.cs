using System.Collections.Concurrent;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Exports;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// The REST face's only handler. JSON transcoding binds each /api/v1 request to the forwarded service's
/// RPC from its google.api.http annotation; this interceptor authorises it (<see cref="RestAccess"/>)
/// and makes that same call on the owning service as the signed-in user, so the gateway implements no
/// method itself and no route exists that the protos do not declare.
/// </summary>
public sealed class TranscodedCallForwarder(ServiceBackends backends) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        var (invoker, method) = await AdmitAsync<TRequest, TResponse>(http, context.Method);
        var options = RestAccess.CallOptionsFor(http, context.Deadline);
        if (HttpMethods.IsGet(http.Request.Method) && CsvListExport.Wanted(http.Request) && CsvListExport.ItemsOf(method.Descriptor) is { } items)
        {
            // Every page in turn; the rendered file replaces the JSON answer (RestResponses writes it).
            var pages = await CsvListExport.FetchAsync(method.Descriptor, (IMessage)request,
                async page => (IMessage)await invoker.AsyncUnaryCall(method.Call, null, options, (TRequest)page));
            RestResponses.ReplaceWithCsv(http, await CsvListExport.RenderAsync(items, pages, http.RequestAborted));
            return (TResponse)method.Descriptor.OutputType.Parser.ParseFrom(ByteString.Empty);
        }

        return await invoker.AsyncUnaryCall(method.Call, null, options, request);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        var (invoker, method) = await AdmitAsync<TRequest, TResponse>(http, context.Method);
        // A watch runs until the client leaves: no default deadline, only the request's own.
        var options = new CallOptions(deadline: context.Deadline == DateTime.MaxValue ? null : context.Deadline, cancellationToken: context.CancellationToken);
        using var call = invoker.AsyncServerStreamingCall(method.Call, null, options, request);
        try
        {
            await foreach (var update in call.ResponseStream.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(update, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client left.
        }
    }

    private async Task<(CallInvoker Invoker, ForwardedMethod<TRequest, TResponse> Method)> AdmitAsync<TRequest, TResponse>(HttpContext http, string path)
        where TRequest : class
        where TResponse : class
    {
        var name = path.TrimStart('/');
        var invoker = backends.InvokerFor(name) ?? throw new RpcException(new Status(StatusCode.Unimplemented, $"{name} is not forwarded by the gateway."));
        await RestAccess.AuthoriseAsync(http, name);
        return (invoker, ForwardedMethods.For<TRequest, TResponse>(name));
    }
}

/// <summary>A forwarded RPC as Grpc.Net.Client calls it, built once per method from the protos' descriptors.</summary>
public sealed class ForwardedMethod<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    internal ForwardedMethod(MethodDescriptor descriptor)
    {
        Descriptor = descriptor;
        var type = descriptor.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        Call = new Method<TRequest, TResponse>(type, descriptor.Service.FullName, descriptor.Name,
            Marshallers.Create(m => ((IMessage)m).ToByteArray(), bytes => (TRequest)descriptor.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create(m => ((IMessage)m).ToByteArray(), bytes => (TResponse)descriptor.OutputType.Parser.ParseFrom(bytes)));
    }

    public MethodDescriptor Descriptor { get; }

    public Method<TRequest, TResponse> Call { get; }
}

/// <summary>The forwarded methods by "package.Service/Method".</summary>
public static class ForwardedMethods
{
    private static readonly ConcurrentDictionary<string, object> Cache = new(StringComparer.Ordinal);

    public static ForwardedMethod<TRequest, TResponse> For<TRequest, TResponse>(string name)
        where TRequest : class
        where TResponse : class =>
        (ForwardedMethod<TRequest, TResponse>)Cache.GetOrAdd(name, n => new ForwardedMethod<TRequest, TResponse>(
            ServiceOwners.MethodOf(n) ?? throw new InvalidOperationException($"{n} is not a forwarded method.")));
}
