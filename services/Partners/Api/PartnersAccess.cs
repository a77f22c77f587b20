using CapacityHub.Partners.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Partners.Api;

/// <summary>
/// Who may see and change organisations and agreements, decided again here from the caller token.
/// Organisations are a directory every signed-in role reads, but their contact persons are personal data:
/// funders never see them, partner agencies only their own organisation's. Only administrators change
/// organisations, except that a partner agency may keep its own contacts current. Agreements are read by
/// administrators, managers, services and their parties, and written by administrators and managers.
/// </summary>
internal static class PartnersAccess
{
    public static bool SeesContacts(CallerIdentity caller, Organisation organisation) =>
        caller.IsAdministrator || caller.IsService || caller.Role == CallerRole.ProgrammeManager
        || (caller.Role == CallerRole.PartnerAgency && OrganisationOf(caller) == organisation.Name);

    /// <summary>The organisation as this caller may see it: without contacts unless they are the caller's to see.</summary>
    public static Organisation Visible(CallerIdentity caller, Organisation organisation)
    {
        if (SeesContacts(caller, organisation) || organisation.Contacts.Count == 0)
        {
            return organisation;
        }

        var redacted = organisation.Clone();
        redacted.Contacts.Clear();
        return redacted;
    }

    public static void RequireAdministrator(CallerIdentity caller, string refused)
    {
        if (!caller.IsAdministrator)
        {
            throw Denied(caller, refused, "only administrators manage organisations");
        }
    }

    /// <summary>Administrators change any field; a partner agency only its own organisation's contacts, by an explicit mask.</summary>
    public static void RequireOrganisationUpdate(CallerIdentity caller, Organisation stored, IReadOnlyCollection<string> maskPaths)
    {
        if (caller.IsAdministrator)
        {
            return;
        }

        var ownContactsOnly = caller.Role == CallerRole.PartnerAgency && OrganisationOf(caller) == stored.Name
            && maskPaths.Count > 0 && maskPaths.All(p => p == "contacts" || p.StartsWith("contacts.", StringComparison.Ordinal));
        if (!ownContactsOnly)
        {
            throw Denied(caller, $"update organisation {stored.Name}",
                "only administrators manage organisations; a partner agency may update its own contacts (update_mask \"contacts\")");
        }
    }

    public static bool SeesAllAgreements(CallerIdentity caller) =>
        caller.IsAdministrator || caller.IsService || caller.Role == CallerRole.ProgrammeManager;

    public static void RequireReadAgreement(CallerIdentity caller, Agreement agreement)
    {
        if (!SeesAllAgreements(caller) && !(OrganisationOf(caller) is { } organisation && agreement.Parties.Contains(organisation)))
        {
            throw Denied(caller, $"see agreement {agreement.Name}", "only administrators, managers and the parties of an agreement see it");
        }
    }

    /// <summary>The party a list must be narrowed to: null when the caller sees every agreement.</summary>
    public static string? AgreementScope(CallerIdentity caller, string requestedParty)
    {
        if (SeesAllAgreements(caller))
        {
            return null;
        }

        var organisation = OrganisationOf(caller)
            ?? throw Denied(caller, "list agreements", "the caller token names no organisation");
        if (requestedParty.Length > 0 && requestedParty != organisation)
        {
            throw Denied(caller, $"list the agreements of {requestedParty}", "only administrators and managers see other organisations' agreements");
        }

        return organisation;
    }

    public static void RequireWriteAgreement(CallerIdentity caller, string refused)
    {
        if (!caller.IsAdministrator && caller.Role != CallerRole.ProgrammeManager)
        {
            throw Denied(caller, refused, "only administrators and programme managers write agreements");
        }
    }

    /// <summary>The caller's organisation as a resource name, whichever form the token carries.</summary>
    public static string? OrganisationOf(CallerIdentity caller) =>
        caller.OrganisationId is not { Length: > 0 } id ? null
            : id.StartsWith("organisations/", StringComparison.Ordinal) ? id : $"organisations/{id}";

    private static RpcException Denied(CallerIdentity caller, string refused, string why) =>
        new(new Status(StatusCode.PermissionDenied, $"Role {caller.Role} may not {refused}: {why}."));
}
