using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Authorization;
using CapacityHub.Gateway.Backends;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// The public gRPC face's own step in YARP's proxy pipeline: authenticates the bearer token, authorises the
/// method (<see cref="GatewayPolicy"/>) and mints the caller token before YARP forwards the call; answers
/// UNAVAILABLE naming the service (never its address) when nothing came back from it. Messages are never
/// parsed: the service holds each one to the 4 MiB limit.
/// </summary>
public sealed partial class GrpcFaceGate(CallerClaims claims, CallerTokens tokens, ILogger<GrpcFaceGate> logger)
{
    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var method = http.Request.Path.Value?.TrimStart('/') ?? "";
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

        var timeout = GrpcTimeout.TryParse(http.Request.Headers[GrpcTimeout.Header], out var sent) ? sent : (TimeSpan?)null;
        var call = new ForwardedCall(tokens.Issue(caller), timeout, http);
        if (call.Remaining <= TimeSpan.Zero)
        {
            StatusAnswer.Write(http, new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before the gateway could forward it."));
            return;
        }

        http.Features.Set(call);
        // The service holds each message to the limit; a whole stream may be longer than any one body limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        await next();
        if (http.GetForwarderErrorFeature() is not { } failure || http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var service = ServiceOwners.OwnerOf(method) ?? method;
        LogUnavailable(logger, method, service, failure.Error.ToString());
        StatusAnswer.Write(http, failure.Error is ForwarderError.RequestTimedOut
            ? new Status(StatusCode.DeadlineExceeded, $"The {service} service did not answer in time; try again later.")
            : new Status(StatusCode.Unavailable, ServiceUnavailableInterceptor.MessageFor(service)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Method} to {Service} failed: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, string service, string reason);
}
