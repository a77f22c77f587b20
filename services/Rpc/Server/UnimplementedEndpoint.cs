using CapacityHub.Rpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.Rpc.Server;

/// <summary>Answers gRPC requests for services or methods nobody mapped with UNIMPLEMENTED (trailers-only).</summary>
internal static class UnimplementedEndpoint
{
    public const string Pattern = "/{rpcService}/{rpcMethod}";

    public static Task HandleAsync(HttpContext http)
    {
        if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
        {
            // Not a gRPC request: leave it to whatever else would have answered it.
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (!RequestValidation.CheckTransport(http))
        {
            return Task.CompletedTask;
        }

        var service = http.Request.RouteValues["rpcService"] as string ?? string.Empty;
        var method = http.Request.RouteValues["rpcMethod"] as string ?? string.Empty;
        var registry = http.RequestServices.GetRequiredService<RpcServiceRegistry>();
        var message = registry.Contains(service)
            ? $"Method {method} of service {service} is unimplemented."
            : $"Service {service} is unimplemented.";
        TrailersOnly.Write(http, new RpcStatus(StatusCode.Unimplemented, message));
        return Task.CompletedTask;
    }
}
