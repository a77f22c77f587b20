using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CapacityHub.Rpc.Telemetry;

/// <summary>
/// The message counts of one streaming call: its request and response bodies are seen through counters
/// while the handler runs, and rpc.server.requests_per_rpc / responses_per_rpc are recorded at the end.
/// Unary calls are left alone (always one and one), which keeps the hot path free of it.
/// </summary>
internal sealed class StreamedMessages
{
    private readonly MessageCounter received;
    private readonly MessageCounter sent;

    private StreamedMessages(HttpContext http, string service, string method)
    {
        var tags = new TagList
        {
            { "rpc.system", "grpc" },
            { "rpc.service", service },
            { "rpc.method", method },
        };
        received = new MessageCounter(RpcTelemetry.ServerRequestSize, tags);
        sent = new MessageCounter(RpcTelemetry.ServerResponseSize, tags);
        var features = http.Features;
        if (features.Get<IRequestBodyPipeFeature>() is { } request)
        {
            features.Set<IRequestBodyPipeFeature>(new CountingBodyReader(request.Reader, received));
        }

        if (features.Get<IHttpResponseBodyFeature>() is { } response)
        {
            features.Set<IHttpResponseBodyFeature>(new CountingResponseBody(response, sent));
        }
    }

    /// <summary>Counts the messages of <paramref name="http"/> when its method streams; null for unary calls.</summary>
    public static StreamedMessages? For(HttpContext http, string service, string method) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IMethod>() is { Type: not MethodType.Unary }
            ? new StreamedMessages(http, service, method)
            : null;

    public void Record(in TagList callTags)
    {
        RpcTelemetry.ServerRequestsPerRpc.Record(received.Messages, callTags);
        RpcTelemetry.ServerResponsesPerRpc.Record(sent.Messages, callTags);
    }
}
