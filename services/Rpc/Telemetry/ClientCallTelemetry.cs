using System.Diagnostics;

namespace CapacityHub.Rpc.Telemetry;

/// <summary>
/// The client side of one call: a client span named "package.Service/Method" and one
/// rpc.client.duration measurement when the call's status is settled. The span does not become
/// the caller's current activity; the call makes it current only while it sends, so HttpClient's
/// own span and the W3C traceparent it injects hang under it and the server continues the trace.
/// </summary>
internal sealed class ClientCallTelemetry
{
    private readonly Activity? activity;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly string service;
    private readonly string method;

    public ClientCallTelemetry(IMethod call, Uri address)
    {
        (service, method) = (call.ServiceName, call.Name);
        var previous = Activity.Current;
        activity = RpcTelemetry.Source.StartActivity($"{service}/{method}", ActivityKind.Client);
        Activity.Current = previous;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", method);
            activity.SetTag("server.address", address.Host);
            activity.SetTag("server.port", address.Port);
        }
    }

    /// <summary>Makes the call's span current for the sending code path (an async method: it does not leak out).</summary>
    public void EnterSending()
    {
        if (activity is not null)
        {
            Activity.Current = activity;
        }
    }

    public void Finished(StatusCode status, string? message)
    {
        var tags = RpcTelemetry.Tags(service, method, status);
        RpcTelemetry.ClientDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        RpcTelemetry.ClientCalls.Add(1, tags);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("rpc.grpc.status_code", (int)status);
        if (status != StatusCode.Ok)
        {
            // On the client every non-OK status is an error of the call.
            activity.SetStatus(ActivityStatusCode.Error, message);
        }

        activity.Stop();
    }
}
