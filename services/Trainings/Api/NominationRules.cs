using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.Trainings.Domain.Nominations;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// Puts what Partners (countries) and Programmes (participation, local roles) say about the nominating
/// organisation and the participant's employer into <see cref="NominationEligibility"/>. Nominating people of
/// an organisation one may not nominate for is PERMISSION_DENIED naming the rule.
/// </summary>
public static class NominationRules
{
    public const string CountryField = "nomination.participant.country_code";

    public static void RequireMayNominate(Organisation nominator, Organisation employer, OrganisationParticipation? nominatorRole, OrganisationParticipation? employerRole)
    {
        var authority = nominatorRole is { Participates: true } && nominatorRole.LocalRoles.Contains(LocalRole.NominatingAuthority);
        var refusal = NominationEligibility.Refusal(
            new Nominator(nominator.Name, nominator.CountryCode, authority),
            new Employer(employer.Name, employer.CountryCode, employerRole is { Participates: true }));
        if (refusal is not null)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, refusal));
        }
    }

    public static string CountryOf(Organisation employer, string declared) =>
        NominationEligibility.CountryOf(new Employer(employer.Name, employer.CountryCode, true), declared, CountryField);
}
