using CapacityHub.Gateway.Authentication;
using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;

namespace CapacityHub.Gateway.Backends;

/// <summary>
/// Every call the gateway makes to a service on a user's behalf carries that user's caller token,
/// so the service authorises the user again (defence in depth) and never trusts the gateway blindly.
/// A call made outside a signed-in request fails here, before anything is sent.
/// </summary>
public sealed class UserCallerInterceptor(IHttpContextAccessor http, CallerClaims claims, CallerTokens tokens) : CallerTokenInterceptor
{
    protected override string TokenFor()
    {
        var caller = http.HttpContext is { } context ? claims.FromPrincipal(context.User) : null;
        return caller is null
            ? throw new RpcException(new Status(StatusCode.Unauthenticated, "Sign in first: CapacityHub calls need a bearer token of a known user."))
            : tokens.Issue(caller);
    }
}
