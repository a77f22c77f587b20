using CapacityHub.Rpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace CapacityHub.Rpc.Server;

/// <summary>An error answered before any message: the status goes in the only HEADERS frame (END_STREAM).</summary>
internal static class TrailersOnly
{
    public static void Write(HttpContext http, RpcStatus status, Metadata? trailers = null)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcHeaders.ContentType;
        foreach (var (key, value) in StatusTrailers.ToHeaders(status))
        {
            response.Headers[key] = value;
        }

        if (trailers is not null)
        {
            foreach (var (key, value) in StatusTrailers.ToHeaders(trailers))
            {
                response.Headers.Append(key, value);
            }
        }
    }
}
