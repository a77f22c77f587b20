using System.Collections.Frozen;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Authorization;

/// <summary>
/// The gateway's first line of authorisation: which roles may call each RPC at all, by full method name
/// ("package.Service/Method", with or without the leading '/'). Scope (which programme, which organisation)
/// is decided again by the owning service from the caller token; this table only keeps whole kinds of
/// caller away from whole operations. Methods not in the table are denied: a new RPC stays closed until
/// someone decides who may call it. Used by the gRPC face and the REST face alike.
/// </summary>
public static class GatewayPolicy
{
    private static readonly FrozenDictionary<string, RoleSet> Table = PolicyTable.Entries
        .ToFrozenDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>Every method the table decides on, as "package.Service/Method".</summary>
    public static IReadOnlyCollection<string> Methods => Table.Keys;

    /// <summary>True when the role may call the method; false for unknown methods and for service callers.</summary>
    public static bool Allows(CallerRole role, string fullMethodName) =>
        Table.TryGetValue(Normalise(fullMethodName), out var roles) && roles.Contains(role);

    /// <summary>The roles that may call the method; empty when the method is unknown.</summary>
    public static IReadOnlyList<CallerRole> RolesFor(string fullMethodName) =>
        Table.TryGetValue(Normalise(fullMethodName), out var roles) ? roles.Roles : [];

    /// <summary>Null when the caller may go on; otherwise the PERMISSION_DENIED to answer with.</summary>
    public static RpcException? Check(CallerIdentity caller, string fullMethodName)
    {
        var method = Normalise(fullMethodName);
        if (!Table.TryGetValue(method, out var roles))
        {
            return new RpcException(new Status(StatusCode.PermissionDenied,
                $"Permission denied at the gateway: {method} is not a method the gateway forwards."));
        }

        return roles.Contains(caller.Role)
            ? null
            : new RpcException(new Status(StatusCode.PermissionDenied,
                $"Permission denied at the gateway: the role {caller.Role} may not call {method} (allowed: {string.Join(", ", roles.Roles)})."));
    }

    /// <summary>Throws the PERMISSION_DENIED of <see cref="Check"/>, for callers that prefer exceptions.</summary>
    public static void Require(CallerIdentity caller, string fullMethodName)
    {
        if (Check(caller, fullMethodName) is { } denied)
        {
            throw denied;
        }
    }

    private static string Normalise(string fullMethodName) =>
        fullMethodName.StartsWith('/') ? fullMethodName[1..] : fullMethodName;
}
