using Grpc.Core;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// One REST route and the RPC it maps to (AIP-127 HTTP mapping): the route's values fill one request
/// field (<see cref="NameField"/> from <see cref="NamePattern"/>), the body fills <see cref="Body"/>
/// ("*" the whole request, a field name that field, null nothing: then the query string fills fields).
/// </summary>
public sealed record RestRoute(
    string Verb,
    string Template,
    string RpcMethod,
    MessageDescriptor Request,
    MessageDescriptor Response,
    string? Body,
    string? NameField,
    string? NamePattern,
    Func<IServiceProvider, IMessage, CallOptions, Task<IMessage>> Invoke)
{
    /// <summary>"Service.Method" for the OpenAPI operation id.</summary>
    public string OperationId => RpcMethod[(RpcMethod.LastIndexOf('.') + 1)..].Replace('/', '_');

    public string Tag => RpcMethod[..RpcMethod.IndexOf('/')];

    /// <summary>The resource name the route values spell, e.g. "trainings/{training}" → "trainings/7f3c".</summary>
    public string? NameFrom(RouteValueDictionary values)
    {
        if (NamePattern is null)
        {
            return null;
        }

        var name = NamePattern;
        foreach (var (key, value) in values)
        {
            name = name.Replace("{" + key + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return name;
    }

    public static RestRoute Unary(
        string verb, string template, MethodDescriptor method, Func<Backends.ServiceBackends, CallInvoker> channel,
        string? body = null, string? nameField = null, string? namePattern = null)
    {
        var call = Backends.RpcMethods.Unary<IMessage, IMessage>(method);
        return new(verb, template, $"{method.Service.FullName}/{method.Name}", method.InputType, method.OutputType, body, nameField, namePattern,
            async (services, request, options) =>
            {
                var invoker = channel(services.GetRequiredService<Backends.ServiceBackends>());
                return await invoker.AsyncUnaryCall(call, null, options, request);
            });
    }
}
