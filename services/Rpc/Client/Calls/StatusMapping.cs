using System.Net;
using System.Net.Http;

namespace CapacityHub.Rpc.Client.Calls;

/// <summary>
/// Statuses for failures that carry no grpc-status: HTTP errors (per the gRPC spec's HTTP to gRPC
/// status mapping) and HTTP/2 stream resets (per its RST_STREAM error code mapping).
/// </summary>
internal static class StatusMapping
{
    public static StatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests => StatusCode.Unavailable,
        HttpStatusCode.BadGateway => StatusCode.Unavailable,
        HttpStatusCode.ServiceUnavailable => StatusCode.Unavailable,
        HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>RST_STREAM / GOAWAY error codes of RFC 9113 section 7.</summary>
    public static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => StatusCode.Unavailable, // REFUSED_STREAM: the server did not process it
        0x8 => StatusCode.Cancelled, // CANCEL
        0xb => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
        0xc => StatusCode.PermissionDenied, // INADEQUATE_SECURITY
        _ => StatusCode.Internal,
    };

    /// <summary>
    /// True when the exception proves no connection was made, so the server never saw the request
    /// and sending it again is safe.
    /// </summary>
    public static bool NeverReachedServer(Exception exception) =>
        exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
        };

    /// <summary>The status for a transport failure that was not caused by the caller cancelling.</summary>
    public static RpcStatus FromException(Exception exception) => exception switch
    {
        RpcException rpc => rpc.Status,
        HttpProtocolException protocol => new RpcStatus(
            FromHttp2ErrorCode(protocol.ErrorCode),
            $"The server reset the stream (HTTP/2 error code {protocol.ErrorCode}): {protocol.Message}"),
        HttpRequestException request when NeverReachedServer(request) => new RpcStatus(
            StatusCode.Unavailable, "Could not connect to the server: " + Describe(request)),
        HttpRequestException request => new RpcStatus(StatusCode.Unavailable, "The connection failed: " + Describe(request)),
        OperationCanceledException { InnerException: TimeoutException timeout } => new RpcStatus(
            StatusCode.Unavailable, "Could not connect to the server: " + timeout.Message),
        IOException io => new RpcStatus(StatusCode.Unavailable, "The connection failed: " + Describe(io)),
        ObjectDisposedException => new RpcStatus(StatusCode.Unavailable, "The channel has been disposed."),
        _ => new RpcStatus(StatusCode.Internal, $"The call failed locally: {exception.GetType().Name}: {exception.Message}"),
    };

    private static string Describe(Exception exception) =>
        exception.InnerException is null ? exception.Message : $"{exception.Message} ({exception.InnerException.Message})";
}
