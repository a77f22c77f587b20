using Google.Protobuf;

namespace CapacityHub.Rpc;

/// <summary>Non-generic view of a method, for routing and descriptors.</summary>
public interface IMethod
{
    MethodType Type { get; }

    string ServiceName { get; }

    string Name { get; }

    string FullName { get; }
}

/// <summary>One RPC method: its shape, names and the parsers for its messages.</summary>
public sealed class Method<TRequest, TResponse>(
    MethodType type,
    string serviceName,
    string name,
    MessageParser<TRequest> requestParser,
    MessageParser<TResponse> responseParser) : IMethod
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public MethodType Type { get; } = type;

    /// <summary>Fully qualified service name, e.g. "capacityhub.trainings.v1.TrainingService".</summary>
    public string ServiceName { get; } = serviceName;

    public string Name { get; } = name;

    /// <summary>The HTTP/2 :path, "/pkg.Service/Method".</summary>
    public string FullName { get; } = "/" + serviceName + "/" + name;

    public MessageParser<TRequest> RequestParser { get; } = requestParser;

    public MessageParser<TResponse> ResponseParser { get; } = responseParser;

    public override string ToString() => FullName;
}
