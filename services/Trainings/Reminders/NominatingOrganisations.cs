using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.Api;
using Grpc.Core;

namespace CapacityHub.Trainings.Reminders;

/// <summary>
/// The organisations that may nominate to a training: the programme's nominating authorities (Programmes)
/// to whose country or organisation the training is open (Partners knows the country).
/// </summary>
public sealed class NominatingOrganisations(ProgrammeService.ProgrammeServiceClient programmes, PartnerChecks partners)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<string>> ForAsync(V1.Training training, CancellationToken ct)
    {
        var programme = await programmes.GetProgrammeAsync(new GetProgrammeRequest { Name = training.Programme },
            new CallOptions(deadline: DateTime.UtcNow + Timeout, cancellationToken: ct));
        var found = new List<string>();
        foreach (var participant in programme.ParticipatingOrganisations.Where(p => p.LocalRoles.Contains(LocalRole.NominatingAuthority)))
        {
            var organisation = await partners.ActiveOrganisationAsync(participant.Organisation, ct);
            if (TrainingsAccess.OpenTo(training, organisation.CountryCode, participant.Organisation))
            {
                found.Add(participant.Organisation);
            }
        }

        return found;
    }
}
