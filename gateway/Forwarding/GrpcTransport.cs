using CapacityHub.Rpc.Protocol;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>What makes a request gRPC at all: HTTP/2 and a gRPC content type (426 and 415 otherwise).</summary>
internal static class GrpcTransport
{
    public static bool Check(HttpContext http)
    {
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Connection = "Upgrade";
            http.Response.Headers.Upgrade = request.IsHttps ? "h2" : "h2c";
            return false;
        }

        if (!GrpcHeaders.IsGrpcContentType(request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return false;
        }

        return true;
    }
}
