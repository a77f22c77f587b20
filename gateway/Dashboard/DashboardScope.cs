using CapacityHub.Gateway.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Gateway.Dashboard;

/// <summary>The programmes and participant filters one dashboard covers for one caller.</summary>
public sealed record DashboardScope(IReadOnlyList<Programme> Programmes, string? Funder, string? Organisation, bool FunderView);

/// <summary>
/// Decides what a caller's dashboard covers, before any figure is read: a funder its funded programmes
/// (always suppressed), a manager its managed programmes, a partner agency the programmes it takes part
/// in and only its own people, an administrator anything. The Trainings service applies the same scope
/// again from the caller token; deciding it here too keeps the joined programme and partner data in step.
/// </summary>
public sealed class DashboardScopes(ProgrammeService.ProgrammeServiceClient programmes)
{
    public async Task<DashboardScope> ResolveAsync(CallerIdentity caller, GetImpactDashboardRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var named = request.Programmes.ToHashSet(StringComparer.Ordinal);
        var funder = NullIfEmpty(request.Funder);
        var organisation = NullIfEmpty(request.Organisation);
        var funderView = request.FunderView;
        ListProgrammesRequest listing;
        switch (caller.Role)
        {
            case CallerRole.Funder:
                var own = Own(caller, "a funder");
                if (funder is not null && funder != own)
                {
                    throw Denied($"a funder sees the programmes it funds itself, not those of {funder}");
                }

                funder = own;
                funderView = true;
                listing = new ListProgrammesRequest { Funder = own };
                break;

            case CallerRole.ProgrammeManager:
                var managed = caller.ProgrammeIds.Select(id => Named("programmes", id)).ToHashSet(StringComparer.Ordinal);
                if (named.FirstOrDefault(p => !managed.Contains(p)) is { } foreign)
                {
                    throw Denied($"you do not manage {foreign}");
                }

                named = named.Count == 0 ? managed : named;
                if (named.Count == 0)
                {
                    return new DashboardScope([], funder, organisation, funderView);
                }

                listing = new ListProgrammesRequest { Funder = funder ?? "" };
                break;

            case CallerRole.PartnerAgency:
                var mine = Own(caller, "a partner agency");
                if (organisation is not null && organisation != mine)
                {
                    throw Denied($"a partner agency sees its own people only, not those of {organisation}");
                }

                if (funder is not null)
                {
                    throw Denied("funder views are for funders, programme managers and administrators");
                }

                organisation = mine;
                listing = new ListProgrammesRequest { Participant = mine };
                break;

            case CallerRole.Administrator:
                listing = new ListProgrammesRequest { Funder = funder ?? "" };
                break;

            default:
                throw Denied("your role does not give access to the impact dashboard");
        }

        var covered = new List<Programme>();
        await foreach (var programme in ListAllAsync(listing, cancellationToken))
        {
            if (named.Count == 0 || named.Contains(programme.Name))
            {
                covered.Add(programme);
            }
        }

        // A funder naming a programme it does not fund is refused, not answered with an empty (all zero) view.
        if (caller.Role == CallerRole.Funder && named.FirstOrDefault(n => covered.All(p => p.Name != n)) is { } unfunded)
        {
            throw Denied($"{funder} does not fund {unfunded}; a funder sees the programmes it funds");
        }

        return new DashboardScope(covered.OrderBy(p => p.Code, StringComparer.Ordinal).ToArray(), funder, organisation, funderView);
    }

    private async IAsyncEnumerable<Programme> ListAllAsync(ListProgrammesRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        request.PageSize = 1000;
        while (true)
        {
            var page = await programmes.ListProgrammesAsync(request, new CallOptions(cancellationToken: cancellationToken));
            foreach (var programme in page.Programmes)
            {
                yield return programme;
            }

            if (page.NextPageToken.Length == 0)
            {
                yield break;
            }

            request.PageToken = page.NextPageToken;
        }
    }

    private static void Validate(GetImpactDashboardRequest request)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < request.Programmes.Count; i++)
        {
            errors.ResourceName($"programmes[{i}]", request.Programmes[i], "programmes");
        }

        errors.ResourceName("funder", request.Funder, "organisations", required: false);
        errors.ResourceName("organisation", request.Organisation, "organisations", required: false);
        errors.CountryCode("country_code", request.CountryCode, required: false);
        if (request.Period is not null)
        {
            errors.DateRange("period", request.Period);
        }

        errors.ThrowIfAny("dashboard request");
    }

    private static string Own(CallerIdentity caller, string role) =>
        caller.OrganisationId is { Length: > 0 } id
            ? Named("organisations", id)
            : throw Denied($"{role} caller needs an organisation");

    /// <summary>Tokens carry bare ids or resource names; both mean the same resource.</summary>
    private static string Named(string collection, string id) =>
        id.StartsWith(collection + "/", StringComparison.Ordinal) ? id : ResourceNames.Of(collection, id);

    private static RpcException Denied(string why) => new(new Status(StatusCode.PermissionDenied, $"Permission denied: {why}."));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
