using CapacityHub.Programmes.V1;
using Grpc.Core;

namespace CapacityHub.Trainings.Api;

/// <summary>Asks ProgrammeService.ListProgrammes(funder) page by page; a dependency outage becomes a clear UNAVAILABLE.</summary>
public sealed class FunderProgrammesClient(ProgrammeService.ProgrammeServiceClient programmes) : IFunderProgrammes
{
    public async Task<IReadOnlySet<string>> ProgrammesFundedByAsync(string funder, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListProgrammesRequest { Funder = funder, PageSize = 1000 };
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
            throw new RpcException(new Status(StatusCode.Unavailable, $"The Programmes service cannot be reached to find the programmes {funder} funds; try again shortly"));
        }

        return names;
    }
}
