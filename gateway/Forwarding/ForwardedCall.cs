using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// What the gate decided about a gRPC call for the transforms to apply: the caller token minted for the
/// user and the client's time budget, if it sent one.
/// </summary>
public sealed class ForwardedCall(string callerToken, TimeSpan? timeout, HttpContext http)
{
    private readonly long gateEntered = Stopwatch.GetTimestamp();

    public string CallerToken { get; } = callerToken;

    public TimeSpan? Timeout { get; } = timeout;

    /// <summary>The client's budget less the time the request has spent in the gateway so far.</summary>
    public TimeSpan? Remaining => Timeout - Spent();

    // The hosting activity starts as the request arrives, so it also counts authentication; without
    // telemetry listening there is none, and the time from the gate on is what can be measured.
    private TimeSpan Spent() =>
        http.Features.Get<IHttpActivityFeature>()?.Activity is { StartTimeUtc.Ticks: > 0 } activity
            ? DateTime.UtcNow - activity.StartTimeUtc
            : Stopwatch.GetElapsedTime(gateEntered);
}
