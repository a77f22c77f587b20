using CapacityHub.Programmes.Storage;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Programmes.Api;

/// <summary>
/// Who may see and change programmes, decided again here from the caller token (defence in depth: the
/// gateway's role table lets every manager call UpdateProgramme, only this knows which programme it is).
/// Administrators, services and managers read everything; funders the programmes they fund; partner
/// agencies the programmes they take part in. Changes belong to administrators and the programme's managers,
/// as recorded in its managers list (the creator is put there at creation). The gateway mints caller tokens
/// from the same record, so a token naming the programme agrees with it.
/// </summary>
internal static class ProgrammesAccess
{
    public static bool SeesAll(CallerIdentity caller) =>
        caller.IsAdministrator || caller.IsService || caller.Role == CallerRole.ProgrammeManager;

    public static bool CanRead(CallerIdentity caller, Programme programme) =>
        SeesAll(caller) || (OrganisationOf(caller) is { } organisation && caller.Role switch
        {
            CallerRole.Funder => programme.ParticipatingOrganisations.Any(o => o.Organisation == organisation && o.Role == OrganisationRole.Funding),
            CallerRole.PartnerAgency => programme.ParticipatingOrganisations.Any(o => o.Organisation == organisation),
            _ => false,
        });

    /// <summary>
    /// PERMISSION_DENIED rather than NOT_FOUND: programme names are not secret (trainings, agreements and the
    /// public IATI export carry them), and a clear refusal tells a funder why a link from a colleague fails.
    /// </summary>
    public static void RequireRead(CallerIdentity caller, Programme programme)
    {
        if (!CanRead(caller, programme))
        {
            throw Denied(caller, $"see programme {programme.Code} ({programme.Name})", caller.Role == CallerRole.Funder
                ? "funders see only the programmes their organisation funds"
                : "partner agencies see only the programmes their organisation participates in");
        }
    }

    /// <summary>The index tag a list must be narrowed to; null when the caller sees every programme.</summary>
    public static string? ListScope(CallerIdentity caller)
    {
        if (SeesAll(caller))
        {
            return null;
        }

        var organisation = OrganisationOf(caller)
            ?? throw Denied(caller, "list programmes", "the caller token names no organisation");
        return caller.Role switch
        {
            CallerRole.Funder => ProgrammeTags.Funder(organisation),
            CallerRole.PartnerAgency => ProgrammeTags.Participant(organisation),
            _ => throw Denied(caller, "list programmes", "this role sees no programmes"),
        };
    }

    public static bool Manages(CallerIdentity caller, Programme programme) =>
        caller.IsAdministrator
        || (caller.Role == CallerRole.ProgrammeManager
            && (programme.Managers.Contains(caller.Subject) || caller.Manages(programme.Name) || caller.Manages(IdOf(programme.Name))
                || (programme.Managers.Count == 0 && CreatedBy(caller, programme))));

    /// <summary>Update, delete, status verbs, participants and indicator actuals.</summary>
    public static void RequireManage(CallerIdentity caller, Programme programme, string action)
    {
        if (!Manages(caller, programme))
        {
            throw Denied(caller, $"{action} programme {programme.Code} ({programme.Name})",
                "only administrators and the managers of this programme may change it");
        }
    }

    public static void RequireCreate(CallerIdentity caller)
    {
        if (!caller.IsAdministrator && caller.Role != CallerRole.ProgrammeManager)
        {
            throw Denied(caller, "create programmes", "only programme managers and administrators plan programmes");
        }
    }

    /// <summary>Trainings asks this on its own behalf; managers and administrators may ask it while planning.</summary>
    public static void RequireWindowCheck(CallerIdentity caller)
    {
        if (!caller.IsService && !caller.IsAdministrator && caller.Role != CallerRole.ProgrammeManager)
        {
            throw Denied(caller, "check training windows", "only services, programme managers and administrators may");
        }
    }

    /// <summary>The caller's organisation as a resource name, whichever form the token carries.</summary>
    public static string? OrganisationOf(CallerIdentity caller) =>
        caller.OrganisationId is not { Length: > 0 } id ? null
            : id.StartsWith("organisations/", StringComparison.Ordinal) ? id : $"organisations/{id}";

    /// <summary>Programmes stored before the managers list existed: their creator still manages them.</summary>
    private static bool CreatedBy(CallerIdentity caller, Programme programme) =>
        caller.Subject.Length > 0 && string.Equals(programme.Audit?.CreatedBy, caller.Subject, StringComparison.Ordinal);

    private static string IdOf(string name) => name.StartsWith("programmes/", StringComparison.Ordinal) ? name["programmes/".Length..] : name;

    private static RpcException Denied(CallerIdentity caller, string refused, string why) =>
        new(new Status(StatusCode.PermissionDenied, $"Role {caller.Role} may not {refused}: {why}."));
}
