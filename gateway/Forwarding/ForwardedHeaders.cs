using CapacityHub.Rpc.Protocol;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.Net.Http.Headers;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// Which headers cross the gateway. Toward a service: the client's metadata and gRPC headers, never its
/// bearer token, cookies or a caller token of its own making (the gateway mints that one). Back to the
/// client: the service's metadata and status, without connection-level fields.
/// </summary>
internal static class ForwardedHeaders
{
    private static readonly HashSet<string> NeverToService = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Host, HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.TransferEncoding, HeaderNames.Upgrade,
        HeaderNames.ProxyAuthorization, HeaderNames.TE, HeaderNames.ContentLength, HeaderNames.ContentType,
        HeaderNames.Authorization, HeaderNames.Cookie, CallerTokenOptions.MetadataKey, GrpcHeaders.Timeout,
        "proxy-connection", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
    };

    private static readonly HashSet<string> Tracing = new(StringComparer.OrdinalIgnoreCase)
    {
        "traceparent", "tracestate", "baggage", "request-id", "correlation-context",
    };

    private static readonly HashSet<string> NeverToClient = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.TransferEncoding, HeaderNames.Upgrade,
        HeaderNames.ContentLength, HeaderNames.Server, HeaderNames.Date, HeaderNames.StrictTransportSecurity,
    };

    /// <summary>
    /// Trace headers are dropped when the gateway runs its own span for the call: HttpClient then sends
    /// that span's context, so the service's span hangs under the gateway's, not beside it.
    /// </summary>
    public static bool ToService(string name, bool gatewayTraces) =>
        !name.StartsWith(':') && !NeverToService.Contains(name) && !(gatewayTraces && Tracing.Contains(name));

    public static bool ToClient(string name) => !name.StartsWith(':') && !NeverToClient.Contains(name);
}
