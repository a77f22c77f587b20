using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CapacityHub.Rpc.Telemetry;

/// <summary>
/// The spans and metrics of the gRPC layer, named per the OpenTelemetry RPC semantic conventions:
/// spans "package.Service/Method" with rpc.system=grpc, rpc.service, rpc.method and
/// rpc.grpc.status_code; duration histograms rpc.server.duration and rpc.client.duration in ms; for
/// streaming calls on the server, messages per call and the size of each message.
/// </summary>
public static class RpcTelemetry
{
    public const string Name = "CapacityHub.Rpc";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly long[] MessageCountBuckets = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000, 10000];

    // Up to the 4 MiB default receive limit.
    private static readonly long[] MessageSizeBuckets = [0, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304];

    internal static readonly Histogram<double> ServerDuration = Meter.CreateHistogram<double>(
        "rpc.server.duration", unit: "ms", description: "Duration of inbound gRPC calls, from the first byte to the status.");

    internal static readonly Histogram<double> ClientDuration = Meter.CreateHistogram<double>(
        "rpc.client.duration", unit: "ms", description: "Duration of outbound gRPC calls, as the caller sees them.");

    internal static readonly Counter<long> ServerCalls = Meter.CreateCounter<long>(
        "rpc.server.calls", unit: "{call}", description: "Inbound gRPC calls by method and status.");

    internal static readonly Counter<long> ClientCalls = Meter.CreateCounter<long>(
        "rpc.client.calls", unit: "{call}", description: "Outbound gRPC calls by method and status.");

    internal static readonly Histogram<long> ServerRequestsPerRpc = Meter.CreateHistogram(
        "rpc.server.requests_per_rpc",
        unit: "{count}",
        description: "Messages received per streaming call.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = MessageCountBuckets });

    internal static readonly Histogram<long> ServerResponsesPerRpc = Meter.CreateHistogram(
        "rpc.server.responses_per_rpc",
        unit: "{count}",
        description: "Messages sent per streaming call.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = MessageCountBuckets });

    internal static readonly Histogram<long> ServerRequestSize = Meter.CreateHistogram(
        "rpc.server.request.size",
        unit: "By",
        description: "Size of each uncompressed message received on a streaming call.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = MessageSizeBuckets });

    internal static readonly Histogram<long> ServerResponseSize = Meter.CreateHistogram(
        "rpc.server.response.size",
        unit: "By",
        description: "Size of each uncompressed message sent on a streaming call.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = MessageSizeBuckets });

    /// <summary>Splits "/package.Service/Method" into the service and method attributes.</summary>
    public static (string Service, string Method) SplitPath(string path)
    {
        var trimmed = path.AsSpan().TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return slash < 0 ? (trimmed.ToString(), "") : (trimmed[..slash].ToString(), trimmed[(slash + 1)..].ToString());
    }

    /// <summary>The status a call ended with, from the exception that ended it (none = OK).</summary>
    public static StatusCode StatusOf(Exception? exception, DateTime deadline, CancellationToken callToken) => exception switch
    {
        null => StatusCode.Ok,
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException when DateTime.UtcNow >= deadline => StatusCode.DeadlineExceeded,
        OperationCanceledException when callToken.IsCancellationRequested => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };

    internal static TagList Tags(string service, string method, StatusCode status) => new()
    {
        { "rpc.system", "grpc" },
        { "rpc.service", service },
        { "rpc.method", method },
        { "rpc.grpc.status_code", (int)status },
    };
}
