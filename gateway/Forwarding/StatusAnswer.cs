using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// Ends a gRPC call the gateway refuses itself (unauthenticated, denied, rate-limited, service down) before
/// anything reached a service: a trailers-only answer. Every gRPC client decodes a percent-encoded
/// grpc-message, so the standard URI escaping is enough here.
/// </summary>
public static class StatusAnswer
{
    public static void Write(HttpContext http, Status status, Metadata? extra = null)
    {
        var response = http.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Detail);
        foreach (var entry in extra ?? [])
        {
            response.Headers.Append(entry.Key, entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value);
        }
    }

    public static void Write(HttpContext http, RpcException error) => Write(http, error.Status, error.Trailers);

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
