using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CapacityHub.Rpc.Telemetry;

/// <summary>
/// Makes every inbound call one server span and one duration measurement. ASP.NET Core already
/// opened a server span for the HTTP/2 request, continuing the caller's W3C traceparent; this
/// interceptor turns that span into the RPC span (name and attributes) instead of nesting a
/// second one, so each hop shows once in a trace. Streaming calls also get their messages counted.
/// </summary>
public sealed class ServerTelemetryInterceptor : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
    {
        var (service, method) = RpcTelemetry.SplitPath(context.Method);
        var activity = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current;
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = $"{service}/{method}";
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", method);
            activity.SetTag("server.address", context.HttpContext.Request.Host.Host);
            if (context.HttpContext.Request.Host.Port is { } port)
            {
                activity.SetTag("server.port", port);
            }
        }

        var messages = StreamedMessages.For(context.HttpContext, service, method);
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            var status = RpcTelemetry.StatusOf(failure, context.Deadline, context.CancellationToken);
            var tags = RpcTelemetry.Tags(service, method, status);
            RpcTelemetry.ServerDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
            RpcTelemetry.ServerCalls.Add(1, tags);
            messages?.Record(tags);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("rpc.grpc.status_code", (int)status);
                if (ServerErrorStatuses.Contains(status))
                {
                    activity.SetStatus(ActivityStatusCode.Error, failure is RpcException rpc ? rpc.Detail : status.ToString());
                }
            }
        }
    }

    // Per the RPC conventions, a server span is an error only for statuses that mean the server failed.
    private static readonly HashSet<StatusCode> ServerErrorStatuses =
    [
        StatusCode.Unknown, StatusCode.DeadlineExceeded, StatusCode.Unimplemented, StatusCode.Internal,
        StatusCode.Unavailable, StatusCode.DataLoss,
    ];
}
