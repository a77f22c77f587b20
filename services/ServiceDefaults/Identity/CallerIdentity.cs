namespace CapacityHub.ServiceDefaults.Identity;

/// <summary>
/// Who is calling, as authenticated by the gateway and passed to every service so that the
/// services can authorise again (defence in depth).
/// </summary>
/// <param name="Subject">Stable user id from the identity provider (or the service name).</param>
/// <param name="DisplayName">For audit trails; never used for decisions.</param>
/// <param name="Role">What kind of caller this is.</param>
/// <param name="OrganisationId">The caller's organisation: the partner agency or funder it acts for.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 country of the caller's organisation, when known.</param>
/// <param name="ProgrammeIds">Programmes a manager manages; empty for other roles.</param>
public sealed record CallerIdentity(
    string Subject,
    string DisplayName,
    CallerRole Role,
    string? OrganisationId,
    string? CountryCode,
    IReadOnlyList<string> ProgrammeIds)
{
    public bool IsAdministrator => Role == CallerRole.Administrator;

    public bool IsService => Role == CallerRole.Service;

    /// <summary>True when the caller acts for the given organisation (partner agency or funder).</summary>
    public bool ActsFor(string organisationId) =>
        OrganisationId is not null && string.Equals(OrganisationId, organisationId, StringComparison.Ordinal);

    /// <summary>True when the caller manages the programme (or administers everything).</summary>
    public bool Manages(string programmeId) =>
        IsAdministrator || (Role == CallerRole.ProgrammeManager && ProgrammeIds.Contains(programmeId, StringComparer.Ordinal));

    public static CallerIdentity ForService(string serviceName) =>
        new($"service:{serviceName}", serviceName, CallerRole.Service, null, null, []);
}
