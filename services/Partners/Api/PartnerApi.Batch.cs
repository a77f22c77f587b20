using CapacityHub.Partners.Domain;
using CapacityHub.Partners.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Partners.Api;

/// <summary>BatchGetOrganisations (AIP-231): many organisations in one round trip, in request order.</summary>
public sealed partial class PartnerApi
{
    private const int MaxBatch = 1000;

    public override async Task<BatchGetOrganisationsResponse> BatchGetOrganisations(BatchGetOrganisationsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        if (request.Names.Count > MaxBatch)
        {
            errors.Add("names", $"at most {MaxBatch} names per call (got {request.Names.Count})");
        }

        var ids = new string?[request.Names.Count];
        for (var i = 0; i < request.Names.Count && i < MaxBatch; i++)
        {
            ids[i] = errors.ResourceName($"names[{i}]", request.Names[i], OrganisationRules.Collection);
        }

        errors.ThrowIfAny("batch request");
        var found = new Dictionary<string, Organisation?>(StringComparer.Ordinal);
        var response = new BatchGetOrganisationsResponse();
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i]!;
            if (!found.TryGetValue(id, out var organisation))
            {
                organisation = (await organisations.FindAsync(id, context.CancellationToken))?.Value;
                found[id] = organisation;
            }

            if (organisation is not null)
            {
                response.Organisations.Add(PartnersAccess.Visible(caller, organisation));
            }
            else if (request.AllowMissing)
            {
                response.MissingNames.Add(request.Names[i]);
            }
            else
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"Organisation {request.Names[i]} does not exist (names[{i}])."));
            }
        }

        return response;
    }
}
