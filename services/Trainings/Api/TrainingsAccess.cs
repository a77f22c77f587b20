using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// Who may see and change trainings and nominations (ARCHITECTURE.md, "Security model"): administrators
/// and services everything; managers the programmes they manage; partners the trainings they may nominate to
/// (a programme they nominate in, a quota naming them or none) and only their own organisation's nominations;
/// funders trainings of programmes they fund, never personal data.
/// </summary>
public sealed class TrainingsAccess(IProgrammeMemberships memberships)
{
    public static CallerIdentity Caller(ServerCallContext context) => context.Caller();

    public static bool IsUnrestricted(CallerIdentity caller) => caller.IsAdministrator || caller.IsService;

    public static bool Manages(CallerIdentity caller, string programme) =>
        IsUnrestricted(caller) || caller.Manages(programme) || caller.Manages(Bare(programme, "programmes/"));

    /// <summary>The programmes the caller manages as resource names, whichever form the token carries.</summary>
    public static IReadOnlyList<string> ManagedProgrammes(CallerIdentity caller) =>
        [.. caller.ProgrammeIds.Select(id => id.StartsWith("programmes/", StringComparison.Ordinal) ? id : $"programmes/{id}")];

    /// <summary>The caller's organisation as a resource name, whichever form the token carries.</summary>
    public static string? OrganisationOf(CallerIdentity caller) =>
        caller.OrganisationId is null ? null : caller.OrganisationId.StartsWith("organisations/", StringComparison.Ordinal)
            ? caller.OrganisationId : $"organisations/{caller.OrganisationId}";

    /// <summary>Schedules, edits and moves trainings; decides on nominations.</summary>
    public static void RequireManager(CallerIdentity caller, string programme, string action)
    {
        if (!Manages(caller, programme))
        {
            throw Denied($"Only managers of {programme} may {action}.");
        }
    }

    public async Task<bool> CanReadTrainingAsync(CallerIdentity caller, Training training, CancellationToken ct) =>
        Manages(caller, training.Programme)
        || (caller.Role == CallerRole.PartnerAgency && OpenTo(training, caller.CountryCode, OrganisationOf(caller))
            && (await NominatingInAsync(caller, ct)).Contains(training.Programme))
        || (caller.Role == CallerRole.Funder && (await FundedAsync(caller, ct)).Contains(training.Programme));

    public async Task RequireReadTrainingAsync(CallerIdentity caller, Training training, CancellationToken ct)
    {
        if (!await CanReadTrainingAsync(caller, training, ct))
        {
            throw Denied($"You may not see training {training.Name}.");
        }
    }

    /// <summary>A filter for lists: null means "no restriction" (no extra lookups per item).</summary>
    public async Task<Func<Training, bool>?> TrainingScopeAsync(CallerIdentity caller, CancellationToken ct)
    {
        if (IsUnrestricted(caller))
        {
            return null;
        }

        if (caller.Role == CallerRole.Funder)
        {
            var funded = await FundedAsync(caller, ct);
            return t => funded.Contains(t.Programme);
        }

        var organisation = OrganisationOf(caller);
        var nominatingIn = caller.Role == CallerRole.PartnerAgency ? await NominatingInAsync(caller, ct) : new HashSet<string>();
        return t => Manages(caller, t.Programme)
            || (caller.Role == CallerRole.PartnerAgency && nominatingIn.Contains(t.Programme) && OpenTo(t, caller.CountryCode, organisation));
    }

    /// <summary>Open to everyone without quotas; otherwise to the countries and organisations given a quota.</summary>
    public static bool OpenTo(Training training, string? country, string? organisation) =>
        training.Quotas.Count == 0
        || training.Quotas.Any(q => (q.Scope == QuotaScope.Country && q.Key == country) || (q.Scope == QuotaScope.Organisation && q.Key == organisation));

    /// <summary>Personal data: funders never; partners only their own organisation's people; managers their programmes'.</summary>
    public static void RequireNominationAccess(CallerIdentity caller, string programme, string nominatingOrganisation, string action)
    {
        if (caller.Role == CallerRole.Funder)
        {
            throw Denied("Funders see aggregates only, never nominations (personal data).");
        }

        if (Manages(caller, programme))
        {
            return;
        }

        if (caller.Role == CallerRole.PartnerAgency && OrganisationOf(caller) == nominatingOrganisation)
        {
            return;
        }

        throw Denied(caller.Role == CallerRole.PartnerAgency
            ? $"Your organisation may only {action} its own nominations."
            : $"Only managers of {programme} and the nominating organisation may {action} this nomination.");
    }

    public static void RequireNoFunder(CallerIdentity caller)
    {
        if (caller.Role == CallerRole.Funder)
        {
            throw Denied("Funders see aggregates only, never nominations (personal data).");
        }
    }

    private async Task<IReadOnlySet<string>> FundedAsync(CallerIdentity caller, CancellationToken ct) =>
        OrganisationOf(caller) is { } organisation ? await memberships.ProgrammesFundedByAsync(organisation, ct) : new HashSet<string>();

    private async Task<IReadOnlySet<string>> NominatingInAsync(CallerIdentity caller, CancellationToken ct) =>
        OrganisationOf(caller) is { } organisation ? await memberships.ProgrammesNominatingInAsync(organisation, ct) : new HashSet<string>();

    private static string Bare(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;

    private static RpcException Denied(string message) => new(new Status(StatusCode.PermissionDenied, message));
}
