using CapacityHub.Gateway.Authentication;
using CapacityHub.Rpc;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Backends;

/// <summary>
/// Every call the gateway makes to a service on a user's behalf carries that user's caller token,
/// so the service authorises the user again (defence in depth) and never trusts the gateway blindly.
/// A call made outside a signed-in request fails here, before anything is sent.
/// </summary>
public sealed class UserCallerInterceptor(IHttpContextAccessor http, CallerClaims claims, CallerTokens tokens) : IClientInterceptor
{
    public ValueTask InterceptAsync(ClientCallInfo call, CancellationToken cancellationToken)
    {
        if (call.Headers.GetValue(CallerTokenOptions.MetadataKey) is not null)
        {
            return ValueTask.CompletedTask;
        }

        var caller = http.HttpContext is { } context ? claims.FromPrincipal(context.User) : null;
        if (caller is null)
        {
            throw new RpcException(StatusCode.Unauthenticated, "Sign in first: CapacityHub calls need a bearer token of a known user.");
        }

        call.Headers.Add(CallerTokenOptions.MetadataKey, tokens.Issue(caller));
        return ValueTask.CompletedTask;
    }
}
