using CapacityHub.Programmes.Domain;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Programmes.Api;

/// <summary>Adding and removing participating organisations without resending the whole programme.</summary>
public sealed partial class ProgrammeApi
{
    public override async Task<Programme> AddParticipatingOrganisation(AddParticipatingOrganisationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        errors.ResourceName("name", request.Name, Collection);
        if (request.ParticipatingOrganisation is null)
        {
            errors.Add("participating_organisation", "is required");
        }
        else
        {
            ProgrammeRules.ValidateParticipant(request.ParticipatingOrganisation, "participating_organisation", errors);
        }

        errors.ThrowIfAny("participating organisation");
        var stored = await LoadAsync(request.Name, "name", context);
        ProgrammesAccess.RequireManage(caller, stored.Value, "add participants to");
        StoreFailures.RequireEtag(request.Etag, stored.Version, $"Programme {stored.Value.Code}");
        RequireEditable(stored.Value);
        var organisation = request.ParticipatingOrganisation!.Organisation;
        if (stored.Value.ParticipatingOrganisations.Any(o => o.Organisation == organisation))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"{organisation} already participates in programme {stored.Value.Code}; update the programme to change its roles."));
        }

        var updated = stored.Value.Clone();
        updated.ParticipatingOrganisations.Add(request.ParticipatingOrganisation);
        return await SaveAsync(stored, updated, context);
    }

    public override async Task<Programme> RemoveParticipatingOrganisation(RemoveParticipatingOrganisationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        errors.ResourceName("name", request.Name, Collection);
        errors.ResourceName("organisation", request.Organisation, ProgrammeRules.Organisations);
        errors.ThrowIfAny("request");
        var stored = await LoadAsync(request.Name, "name", context);
        ProgrammesAccess.RequireManage(caller, stored.Value, "remove participants from");
        StoreFailures.RequireEtag(request.Etag, stored.Version, $"Programme {stored.Value.Code}");
        RequireEditable(stored.Value);

        var updated = stored.Value.Clone();
        var participant = updated.ParticipatingOrganisations.FirstOrDefault(o => o.Organisation == request.Organisation)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"{request.Organisation} does not participate in programme {stored.Value.Code}."));
        updated.ParticipatingOrganisations.Remove(participant);
        if (updated.Budgets.Any(b => b.Funder == request.Organisation) || updated.FunderShares.Any(s => s.Funder == request.Organisation))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"{request.Organisation} funds programme {stored.Value.Code}: remove its budgets and funder share first."));
        }

        return await SaveAsync(stored, updated, context);
    }
}
