using System.Diagnostics;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// When a request reached the gateway, taken before authentication and rate limiting, so that the
/// deadline passed on to a service is the client's minus all the time the gateway has spent.
/// </summary>
public static class CallArrival
{
    private static readonly object Key = new();

    public static IApplicationBuilder UseCallArrival(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Items[Key] = Stopwatch.GetTimestamp();
        return next(context);
    });

    public static TimeSpan Elapsed(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is long started ? Stopwatch.GetElapsedTime(started) : TimeSpan.Zero;
}
