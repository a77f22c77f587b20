using CapacityHub.Partners.V1;
using Grpc.Core;

namespace CapacityHub.Trainings.Api;

/// <summary>Asks the Partners service whether a nominating organisation exists and is active, and its type (for impact cells).</summary>
public sealed class PartnerChecks(PartnerService.PartnerServiceClient partners) : ICountryOrganisations
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<Organisation> ActiveOrganisationAsync(string organisation, CancellationToken ct)
    {
        Organisation found;
        try
        {
            found = await partners.GetOrganisationAsync(new GetOrganisationRequest { Name = organisation }, new CallOptions(deadline: DateTime.UtcNow + Timeout, cancellationToken: ct));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Organisation {organisation} is not registered with the Partners service and cannot nominate."));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"The Partners service cannot be reached to check organisation {organisation} ({e.StatusCode}); nothing was saved. Retry with the same request_id shortly."));
        }

        if (found.Status == OrganisationStatus.Inactive)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Organisation {organisation} is inactive in the Partners service and cannot nominate."));
        }

        return found;
    }

    /// <summary>The organisations of a country (any status), for figures about organisations such as reporting discipline.</summary>
    public async Task<IReadOnlySet<string>> OrganisationsInAsync(string countryCode, CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListOrganisationsRequest { CountryCode = countryCode, PageSize = 1000 };
        try
        {
            do
            {
                var page = await partners.ListOrganisationsAsync(request, new CallOptions(deadline: DateTime.UtcNow + Timeout, cancellationToken: ct));
                names.UnionWith(page.Organisations.Select(o => o.Name));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The Partners service cannot be reached to find the organisations in {countryCode} ({e.StatusCode}); try again shortly."));
        }

        return names;
    }

    /// <summary>The label impact breakdowns use, e.g. "Csirt", "Government"; "unspecified" when unknown.</summary>
    public static string TypeLabel(Organisation organisation) =>
        organisation.Type == OrganisationType.Unspecified ? "" : organisation.Type.ToString();
}
