using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Authorization;

/// <summary>The roles allowed to call one method. Service callers never come through the gateway.</summary>
public sealed record RoleSet(IReadOnlyList<CallerRole> Roles)
{
    public bool Contains(CallerRole role) => role != CallerRole.Service && Roles.Contains(role);
}
