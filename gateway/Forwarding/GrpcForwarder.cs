using System.Net;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Authorization;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// The public gRPC face: authenticates the bearer token, authorises the method (<see cref="GatewayPolicy"/>),
/// then has YARP relay the call to the owning service under a caller token minted for this user. Messages
/// are never parsed; the client's grpc-timeout and cancellation reach the service, which enforces them and
/// the 4 MiB message limit itself.
/// </summary>
public sealed partial class GrpcForwarder(IHttpForwarder forwarder, BackendTargets targets, CallerClaims claims, CallerTokens tokens, ILogger<GrpcForwarder> logger)
{
    private static readonly ForwarderRequestConfig Http2Only = new()
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var method = path.TrimStart('/');
        var service = method.Split('/')[0];
        if (targets.For(service) is not { } target)
        {
            StatusAnswer.Write(http, new Status(StatusCode.Unimplemented, $"Service {service} is unimplemented."));
            return;
        }

        if (claims.FromPrincipal(http.User) is not { } caller)
        {
            StatusAnswer.Write(http, new Status(StatusCode.Unauthenticated,
                "Send 'authorization: Bearer <token>' with a valid, unexpired token of a CapacityHub user."));
            return;
        }

        if (GatewayPolicy.Check(caller, method) is { } denied)
        {
            StatusAnswer.Write(http, denied);
            return;
        }

        // The service holds each message to the limit; a whole stream may be longer than any one body limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        var error = await forwarder.SendAsync(http, target.Address, target.Invoker, Http2Only, new CallerTransformer(tokens.Issue(caller)));
        if (error is ForwarderError.None || http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        // Nothing usable came back from the service: say which one, never where it lives.
        LogUnavailable(logger, target.Name, path, error.ToString());
        StatusAnswer.Write(http, new Status(StatusCode.Unavailable, ServiceUnavailableInterceptor.MessageFor(target.Name)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Method} to {Service} failed: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string service, string method, string reason);
}
