using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Rpc.Tests.Client.Support;

/// <summary>Hand-made methods of capacityhub.testing.v1.Echo (python/echo.proto).</summary>
internal static class Echo
{
    public const string Service = "capacityhub.testing.v1.Echo";

    public static readonly Method<StringValue, StringValue> Say = Unary("Say", StringValue.Parser, StringValue.Parser);

    /// <summary>
    /// Say called as a server-streaming call: on the wire a unary call is one message each way, and the
    /// streaming call object exposes response headers and trailers.
    /// </summary>
    public static readonly Method<StringValue, StringValue> SayWithMetadata =
        new(MethodType.ServerStreaming, Service, "Say", StringValue.Parser, StringValue.Parser);

    public static readonly Method<StringValue, StringValue> Fail = Unary("Fail", StringValue.Parser, StringValue.Parser);

    public static readonly Method<Duration, Empty> Sleep = Unary("Sleep", Duration.Parser, Empty.Parser);

    public static readonly Method<StringValue, StringValue> Outcome = Unary("Outcome", StringValue.Parser, StringValue.Parser);

    public static readonly Method<Empty, DoubleValue> TimeRemaining = Unary("TimeRemaining", Empty.Parser, DoubleValue.Parser);

    public static readonly Method<UInt32Value, BytesValue> Blob = Unary("Blob", UInt32Value.Parser, BytesValue.Parser);

    public static readonly Method<BytesValue, UInt32Value> Measure = Unary("Measure", BytesValue.Parser, UInt32Value.Parser);

    public static readonly Method<Empty, StringValue> Name = Unary("Name", Empty.Parser, StringValue.Parser);

    public static readonly Method<StringValue, Empty> SetHealth = Unary("SetHealth", StringValue.Parser, Empty.Parser);

    public static readonly Method<StringValue, StringValue> Missing = Unary("Missing", StringValue.Parser, StringValue.Parser);

    public static readonly Method<StringValue, StringValue> Repeat =
        new(MethodType.ServerStreaming, Service, "Repeat", StringValue.Parser, StringValue.Parser);

    public static readonly Method<StringValue, StringValue> Join =
        new(MethodType.ClientStreaming, Service, "Join", StringValue.Parser, StringValue.Parser);

    public static readonly Method<StringValue, StringValue> Chat =
        new(MethodType.DuplexStreaming, Service, "Chat", StringValue.Parser, StringValue.Parser);

    public static StringValue Text(string value) => new() { Value = value };

    public static CallOptions With(params (string Key, string Value)[] headers)
    {
        var metadata = new Metadata();
        foreach (var (key, value) in headers)
        {
            metadata.Add(key, value);
        }

        return new CallOptions(metadata);
    }

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(
        string name, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, Service, name, requestParser, responseParser);
}
