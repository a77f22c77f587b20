using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http.Features;

namespace CapacityHub.ServiceDefaults.Telemetry;

/// <summary>
/// Names ASP.NET Core's request span after the RPC ("package.Service/Method") and gives it the RPC semantic
/// conventions (rpc.system, rpc.service, rpc.method, rpc.grpc.status_code), and records rpc.server.duration
/// per call: grpc-dotnet tags the span with its own "grpc.*" names only, and emits no duration histogram.
/// </summary>
public sealed class RpcServerTelemetry : Interceptor
{
    private static readonly Meter Meter = new(TelemetryNames.Rpc);

    private static readonly Histogram<double> ServerDuration = Meter.CreateHistogram<double>(
        "rpc.server.duration", unit: "ms", description: "Duration of inbound gRPC calls, from the request to the status.");

    // Per the RPC conventions, a server span is an error only for statuses that mean the server failed.
    private static readonly HashSet<StatusCode> ServerErrorStatuses =
    [
        StatusCode.Unknown, StatusCode.DeadlineExceeded, StatusCode.Unimplemented, StatusCode.Internal,
        StatusCode.Unavailable, StatusCode.DataLoss,
    ];

    /// <summary>
    /// The ASP.NET Core instrumentation names the request span "{method} {route}" when it stops; a gRPC call's
    /// span is named after the RPC instead, as the RPC conventions ask.
    /// </summary>
    public static void NameRpcSpan(Activity activity, Microsoft.AspNetCore.Http.HttpResponse response)
    {
        if (activity.GetTagItem("rpc.service") is string service && activity.GetTagItem("rpc.method") is string method)
        {
            activity.DisplayName = $"{service}/{method}";
        }
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, async () =>
        {
            await continuation(requestStream, responseStream, context);
            return true;
        });

    private static async Task<T> ObserveAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        var (service, method) = SplitPath(context.Method);
        var http = context.GetHttpContext();
        var activity = http.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current;
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = $"{service}/{method}";
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", method);
        }

        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.OK;
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            status = DateTime.UtcNow >= context.Deadline ? StatusCode.DeadlineExceeded : StatusCode.Cancelled;
            throw;
        }
        catch (Exception)
        {
            status = StatusCode.Unknown;
            throw;
        }
        finally
        {
            ServerDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new TagList
            {
                { "rpc.system", "grpc" },
                { "rpc.service", service },
                { "rpc.method", method },
                { "rpc.grpc.status_code", (int)status },
            });
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("rpc.grpc.status_code", (int)status);
                if (ServerErrorStatuses.Contains(status))
                {
                    activity.SetStatus(ActivityStatusCode.Error, status.ToString());
                }
            }
        }
    }

    private static (string Service, string Method) SplitPath(string path)
    {
        var trimmed = path.AsSpan().TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return slash < 0 ? (trimmed.ToString(), "") : (trimmed[..slash].ToString(), trimmed[(slash + 1)..].ToString());
    }
}
