using System.Security.Claims;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Authentication;

/// <summary>Turns an authenticated user's claims into the <see cref="CallerIdentity"/> services authorise on.</summary>
public sealed class CallerClaims(GatewayAuthenticationOptions options)
{
    public IEnumerable<Claim> ToClaims(CallerIdentity caller)
    {
        yield return new Claim("sub", caller.Subject);
        yield return new Claim(options.NameClaim, caller.DisplayName);
        yield return new Claim(options.RoleClaim, caller.Role.ToString());
        if (caller.OrganisationId is not null)
        {
            yield return new Claim(options.OrganisationClaim, caller.OrganisationId);
        }

        if (caller.CountryCode is not null)
        {
            yield return new Claim(options.CountryClaim, caller.CountryCode);
        }

        foreach (var programme in caller.ProgrammeIds)
        {
            yield return new Claim(options.ProgrammeClaim, programme);
        }
    }

    /// <summary>Null when the user is not signed in or carries no CapacityHub role (treated as unauthenticated).</summary>
    public CallerIdentity? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var roleValue = principal.FindFirst(options.RoleClaim)?.Value;
        if (!Enum.TryParse<CallerRole>(roleValue, ignoreCase: true, out var role) || role == CallerRole.Service)
        {
            // Users can never claim to be a service: that role exists only inside the cluster.
            return null;
        }

        var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        return new CallerIdentity(
            subject,
            principal.FindFirst(options.NameClaim)?.Value ?? subject,
            role,
            principal.FindFirst(options.OrganisationClaim)?.Value,
            principal.FindFirst(options.CountryClaim)?.Value?.ToUpperInvariant(),
            principal.FindAll(options.ProgrammeClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray());
    }
}
