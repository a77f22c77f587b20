using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Trainings.Api;

/// <summary>What an impact query may cover for a caller, decided before any programme is resolved.</summary>
public sealed record ImpactScope(string? Funder, string? Organisation, bool ForceFunderView, IReadOnlySet<string>? OnlyProgrammes);

/// <summary>
/// Impact metrics by role: a funder sees the programmes it funds, always with small cells suppressed; a
/// programme manager the programmes it manages; a partner agency its own people only; administrators and
/// services everything. Names are resource names; the caller holds bare ids.
/// </summary>
public static class ImpactAccess
{
    public static ImpactScope Scope(CallerIdentity caller, IReadOnlyList<string> programmes, string? funder, string? organisation)
    {
        switch (caller.Role)
        {
            case CallerRole.Administrator or CallerRole.Service:
                return new ImpactScope(funder, organisation, false, null);

            case CallerRole.Funder:
                var own = Own(caller, "a funder");
                if (funder is not null && funder != own)
                {
                    throw Denied($"a funder sees the programmes it funds itself, not those of {funder}");
                }

                // Named programmes are intersected with the funded ones later: the funder filter always applies.
                return new ImpactScope(own, organisation, true, null);

            case CallerRole.ProgrammeManager:
                var managed = TrainingsAccess.ManagedProgrammes(caller).ToHashSet(StringComparer.Ordinal);
                var foreign = programmes.FirstOrDefault(p => !managed.Contains(p));
                if (foreign is not null)
                {
                    throw Denied($"you do not manage {foreign}");
                }

                return new ImpactScope(funder, organisation, false, managed);

            case CallerRole.PartnerAgency:
                var organisationOfCaller = Own(caller, "a partner agency");
                if (organisation is not null && organisation != organisationOfCaller)
                {
                    throw Denied($"a partner agency sees metrics of its own people only, not those of {organisation}");
                }

                if (funder is not null)
                {
                    throw Denied("funder views are for funders, programme managers and administrators");
                }

                return new ImpactScope(null, organisationOfCaller, false, null);

            default:
                throw Denied("your role does not give access to impact metrics");
        }
    }

    private static string Own(CallerIdentity caller, string role) =>
        caller.OrganisationId is { Length: > 0 } id
            ? ResourceNames.Of("organisations", id)
            : throw Denied($"{role} caller needs an organisation");

    private static RpcException Denied(string why) => new(new Status(StatusCode.PermissionDenied, $"Permission denied: {why}."));
}
