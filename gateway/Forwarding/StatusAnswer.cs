using CapacityHub.Rpc;
using CapacityHub.Rpc.Protocol;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>Ends a gRPC call with a status: trailers-only when nothing was sent yet, else as trailers.</summary>
public static class StatusAnswer
{
    public static void Write(HttpContext http, RpcStatus status, Metadata? extra = null)
    {
        var response = http.Response;
        var fields = StatusTrailers.ToHeaders(status);
        if (extra is not null)
        {
            fields = fields.Concat(StatusTrailers.ToHeaders(extra));
        }

        if (!response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = GrpcHeaders.ContentType;
            foreach (var (key, value) in fields)
            {
                response.Headers.Append(key, value);
            }

            return;
        }

        if (response.SupportsTrailers())
        {
            foreach (var (key, value) in fields)
            {
                response.AppendTrailer(key, value);
            }
        }
    }

    public static void Write(HttpContext http, RpcException error) => Write(http, error.Status, error.Trailers);

    /// <summary>The status a gRPC client derives from a non-200 HTTP answer (gRPC's http-grpc-status-mapping).</summary>
    public static StatusCode FromHttpStatus(int status) => status switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
