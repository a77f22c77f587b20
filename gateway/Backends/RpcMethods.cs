using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CapacityHub.Gateway.Backends;

/// <summary>
/// Unary methods of the services as the gateway invokes them by name (REST routes, imports, exports):
/// built from the protos' descriptors, with the messages' own parsers as marshallers.
/// </summary>
public static class RpcMethods
{
    /// <summary>"/package.Service/Method", the path a gRPC call is made on.</summary>
    public static string Path(ServiceDescriptor service, string method) => $"/{Find(service, method).Service.FullName}/{method}";

    public static Method<TRequest, TResponse> Unary<TRequest, TResponse>(MethodDescriptor method)
        where TRequest : class, IMessage
        where TResponse : class, IMessage =>
        new(MethodType.Unary, method.Service.FullName, method.Name,
            Marshallers.Create(m => m.ToByteArray(), bytes => (TRequest)method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create(m => m.ToByteArray(), bytes => (TResponse)method.OutputType.Parser.ParseFrom(bytes)));

    /// <summary>The method's descriptor; fails at start-up, not per call, when a name is misspelt.</summary>
    public static MethodDescriptor Unary(ServiceDescriptor service, string method) => Find(service, method);

    private static MethodDescriptor Find(ServiceDescriptor service, string method) =>
        service.FindMethodByName(method) ?? throw new InvalidOperationException($"{service.FullName} has no method {method}.");
}
