namespace CapacityHub.Gateway.Authentication;

/// <summary>
/// Configuration section <c>Authentication</c>. In production the gateway trusts bearer tokens
/// from an OpenID Connect issuer (<see cref="Authority"/>); the claim names say where that issuer
/// puts CapacityHub's role, organisation, country and managed programmes.
/// </summary>
public sealed class GatewayAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>The environment name in which the demo sign-in exists; nowhere else.</summary>
    public const string LocalEnvironment = "Local";

    public string? Authority { get; set; }

    public string Audience { get; set; } = "capacityhub";

    public string RoleClaim { get; set; } = "capacityhub_role";

    public string OrganisationClaim { get; set; } = "capacityhub_org";

    public string CountryClaim { get; set; } = "capacityhub_country";

    public string ProgrammeClaim { get; set; } = "capacityhub_programme";

    public string NameClaim { get; set; } = "name";

    /// <summary>Base64 key (≥ 256 bits) the local demo signs its user tokens with; set by run.sh.</summary>
    public string? DemoSigningKey { get; set; }
}
