using CapacityHub.Rpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace CapacityHub.Rpc.Server;

/// <summary>Checks that happen before a request is treated as gRPC at all: HTTP version and content type.</summary>
public static class RequestValidation
{
    /// <summary>False (with a 426 or 415 response written) when the request is not gRPC over HTTP/2.</summary>
    public static bool CheckTransport(HttpContext http)
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
            http.Response.Headers[GrpcHeaders.Status] = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers[GrpcHeaders.Message] = PercentEncoding.Encode(
                $"Content-Type '{request.ContentType}' is not supported; use application/grpc.");
            return false;
        }

        return true;
    }
}
