using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Authorization;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// Who may make a REST call, decided the same way on every /api/v1 route (transcoded RPCs, uploads and
/// exports): signed in, allowed by the gateway policy for the RPC it amounts to, and past the CSRF check.
/// </summary>
public static class RestAccess
{
    /// <summary>How long a REST call may take end to end; REST has no grpc-timeout of its own.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Signed in, allowed to call the RPC, and past the CSRF check; otherwise the RpcException to answer with.</summary>
    public static async Task<CallerIdentity> AuthoriseAsync(HttpContext context, string rpcMethod)
    {
        var caller = context.RequestServices.GetRequiredService<CallerClaims>().FromPrincipal(context.User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Sign in first: send 'Authorization: Bearer <token>' with a valid, unexpired token of a CapacityHub user."));
        GatewayPolicy.Require(caller, rpcMethod);
        await CookieCsrfGuard.RequireAsync(context);
        return caller;
    }

    /// <summary>The request's own deadline when it has one (gRPC), otherwise <see cref="Deadline"/> from now.</summary>
    public static CallOptions CallOptionsFor(HttpContext context, DateTime? deadline = null) =>
        new(deadline: deadline is { } d && d != DateTime.MaxValue ? d : DateTime.UtcNow + Deadline, cancellationToken: context.RequestAborted);

    /// <summary>"package.Service/Method" of a generated service's method, checked when the gateway starts.</summary>
    public static string MethodName(Google.Protobuf.Reflection.ServiceDescriptor service, string method) =>
        service.FindMethodByName(method) is { } found
            ? $"{service.FullName}/{found.Name}"
            : throw new InvalidOperationException($"{service.FullName} has no method {method}.");
}
