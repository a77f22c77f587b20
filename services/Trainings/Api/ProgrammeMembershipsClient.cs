using CapacityHub.Programmes.V1;
using Grpc.Core;

namespace CapacityHub.Trainings.Api;

/// <summary>Asks ProgrammeService.ListProgrammes page by page; a dependency outage becomes a clear UNAVAILABLE.</summary>
public sealed class ProgrammeMembershipsClient(ProgrammeService.ProgrammeServiceClient programmes) : IProgrammeMemberships
{
    public Task<IReadOnlySet<string>> ProgrammesFundedByAsync(string funder, CancellationToken cancellationToken) =>
        NamesAsync(new ListProgrammesRequest { Funder = funder }, $"the programmes {funder} funds", cancellationToken);

    public Task<IReadOnlySet<string>> ProgrammesNominatingInAsync(string organisation, CancellationToken cancellationToken) =>
        NamesAsync(new ListProgrammesRequest { Participant = organisation, ParticipantMayNominate = true }, $"the programmes {organisation} nominates to", cancellationToken);

    private async Task<IReadOnlySet<string>> NamesAsync(ListProgrammesRequest request, string what, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        request.PageSize = 1000;
        try
        {
            do
            {
                var page = await programmes.ListProgrammesAsync(request, new CallOptions(cancellationToken: cancellationToken));
                names.UnionWith(page.Programmes.Select(p => p.Name));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The Programmes service cannot be reached to find {what}; try again shortly"));
        }

        return names;
    }
}
