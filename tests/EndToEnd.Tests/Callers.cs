using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>The people of the scenario, as the gateway would name them in caller tokens.</summary>
internal static class Callers
{
    public static CallerIdentity Admin { get; } = new("e2e-admin", "Admin", CallerRole.Administrator, null, null, []);

    public static CallerIdentity Manager(string programmeId) =>
        new("e2e-manager", "Programme manager", CallerRole.ProgrammeManager, "e2e-mofa", "JP", [programmeId]);

    public static CallerIdentity Partner(string organisationId, string country) =>
        new($"e2e-partner-{organisationId}", $"Focal point {organisationId}", CallerRole.PartnerAgency, organisationId, country, []);

    public static CallerIdentity Funder(string organisationId) =>
        new($"e2e-funder-{organisationId}", "Funder", CallerRole.Funder, organisationId, null, []);
}
