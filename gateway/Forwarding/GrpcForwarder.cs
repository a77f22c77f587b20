using System.Diagnostics;
using System.Net;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Authorization;
using CapacityHub.Gateway.Limits;
using CapacityHub.Rpc;
using CapacityHub.Rpc.Protocol;
using CapacityHub.Rpc.Server;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.Features;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// The public gRPC face: authenticates the bearer token, authorises the method (<see cref="GatewayPolicy"/>),
/// then relays the call byte for byte to the owning service under a caller token minted for this user.
/// Messages are never parsed: frames go through as they come, in both directions, for every kind of call.
/// The client's deadline (less the time spent here) and its cancellation reach the service.
/// </summary>
public sealed partial class GrpcForwarder(BackendTargets targets, CallerClaims claims, CallerTokens tokens, GatewayLimitsOptions limits, ILogger<GrpcForwarder> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        if (!RequestValidation.CheckTransport(http))
        {
            return;
        }

        var path = http.Request.Path.Value ?? "";
        var method = path.TrimStart('/');
        var service = method.Split('/')[0];
        if (targets.For(service) is not { } target)
        {
            StatusAnswer.Write(http, new RpcStatus(StatusCode.Unimplemented, $"Service {service} is unimplemented."));
            return;
        }

        if (claims.FromPrincipal(http.User) is not { } caller)
        {
            StatusAnswer.Write(http, new RpcStatus(StatusCode.Unauthenticated,
                "Send 'authorization: Bearer <token>' with a valid, unexpired token of a CapacityHub user."));
            return;
        }

        if (GatewayPolicy.Check(caller, method) is { } denied)
        {
            StatusAnswer.Write(http, denied);
            return;
        }

        if (!TryRemainingTime(http, out var remaining))
        {
            return;
        }

        // Each message is held to the limit as it passes; a whole stream may be longer than any one body limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        await ForwardAsync(http, target, path, caller, remaining);
    }

    private async Task ForwardAsync(HttpContext http, BackendTarget target, string path, CallerIdentity caller, TimeSpan? remaining)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        if (remaining is { } deadline)
        {
            call.CancelAfter(deadline);
        }

        var guard = new MessageSizeGuard(limits.MaxMessageBytes);
        using var request = BuildRequest(http, target, path, caller, remaining, guard);
        try
        {
            using var response = await target.Invoker.SendAsync(request, call.Token);
            await ResponseRelay.CopyAsync(http, response, target, call.Token);
        }
        catch (Exception) when (guard.ExceededBy is { } size)
        {
            StatusAnswer.Write(http, new RpcStatus(StatusCode.ResourceExhausted,
                $"Received message larger than max ({size} vs. {guard.MaxMessageBytes})."));
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (RST_STREAM): cancelling the send reset the service's stream as well.
        }
        catch (OperationCanceledException) when (call.IsCancellationRequested)
        {
            StatusAnswer.Write(http, new RpcStatus(StatusCode.DeadlineExceeded, "Deadline exceeded before the service answered."));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            LogUnavailable(logger, target.Name, path, e.Message);
            StatusAnswer.Write(http, new RpcStatus(StatusCode.Unavailable,
                $"The {target.Name} service is unavailable right now ({Reason(e)}); try again shortly."));
        }
    }

    private HttpRequestMessage BuildRequest(HttpContext http, BackendTarget target, string path, CallerIdentity caller, TimeSpan? remaining, MessageSizeGuard guard)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ForwardedRequestContent(http.Request.BodyReader, guard),
        };
        var traced = Activity.Current is not null;
        foreach (var (name, values) in http.Request.Headers)
        {
            if (ForwardedHeaders.ToService(name, traced))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Content.Headers.TryAddWithoutValidation("content-type", http.Request.ContentType);
        request.Headers.TryAddWithoutValidation(GrpcHeaders.Te, "trailers");
        request.Headers.TryAddWithoutValidation(CallerTokenOptions.MetadataKey, tokens.Issue(caller));
        if (remaining is { } deadline)
        {
            request.Headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(deadline));
        }

        return request;
    }

    /// <summary>False (with the status written) when the deadline is malformed or already past.</summary>
    private static bool TryRemainingTime(HttpContext http, out TimeSpan? remaining)
    {
        remaining = null;
        var header = http.Request.Headers[GrpcHeaders.Timeout].ToString();
        if (header.Length == 0)
        {
            return true;
        }

        if (!GrpcTimeout.TryParse(header, out var timeout))
        {
            StatusAnswer.Write(http, new RpcStatus(StatusCode.Internal, $"Malformed grpc-timeout '{header}'."));
            return false;
        }

        var left = timeout - CallArrival.Elapsed(http);
        if (left <= TimeSpan.Zero)
        {
            StatusAnswer.Write(http, new RpcStatus(StatusCode.DeadlineExceeded, "Deadline exceeded at the gateway."));
            return false;
        }

        remaining = left;
        return true;
    }

    private static string Reason(Exception e) => e switch
    {
        HttpRequestException { InnerException: System.Net.Sockets.SocketException socket } => socket.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
            System.Net.Sockets.SocketError.HostNotFound => "host not found",
            System.Net.Sockets.SocketError.TimedOut => "connect timed out",
            _ => "cannot connect",
        },
        HttpRequestException => "cannot connect",
        _ => "the connection broke",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Method} to {Service} failed: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string service, string method, string reason);
}
