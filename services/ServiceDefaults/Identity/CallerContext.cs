using Grpc.Core;

namespace CapacityHub.ServiceDefaults.Identity;

/// <summary>Where a call's authenticated caller is kept for the handlers that authorise on it.</summary>
public static class CallerContext
{
    private static readonly object Key = typeof(CallerIdentity);

    public static void SetCaller(this ServerCallContext context, CallerIdentity caller) => context.UserState[Key] = caller;

    /// <summary>The caller; UNAUTHENTICATED when the call has none (it did not pass the interceptor).</summary>
    public static CallerIdentity Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var value) && value is CallerIdentity caller
            ? caller
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "No authenticated caller for this call."));

    public static CallerIdentity? CallerOrNull(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var value) ? value as CallerIdentity : null;
}
