using CapacityHub.Common.V1;
using CapacityHub.Partners.Domain;
using CapacityHub.Partners.Storage;
using CapacityHub.Partners.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Storage;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Partners.Api;

/// <summary>capacityhub.partners.v1.PartnerService, organisations part: validate, apply defaults, store.</summary>
public sealed partial class PartnerApi(OrganisationRepository organisations, AgreementRepository agreements, TimeProvider clock)
    : PartnerService.PartnerServiceBase
{
    private static readonly HashSet<string> UpdatableOrganisationFields =
    [
        "iati_identifier", "display_name", "acronym", "type", "country_code", "country_display_name", "region_groups", "contacts", "status",
    ];

    public override async Task<Organisation> GetOrganisation(GetOrganisationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return PartnersAccess.Visible(caller, (await LoadOrganisationAsync(request.Name, "name", context)).Value);
    }

    public override async Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        errors.CountryCode("country_code", request.CountryCode, required: false);
        errors.KnownEnum("type", request.Type);
        errors.KnownEnum("region_group", request.RegionGroup);
        errors.KnownEnum("status", request.Status);
        var query = errors.SearchQuery("query", request.Query);
        errors.ThrowIfAny("list request");
        var size = Paging.SizeOf(request.PageSize);

        var filter = new OrganisationListFilter(request.CountryCode, request.Type, request.RegionGroup, request.Status, query);
        var (items, next) = await StoreFailures.Guard(() =>
            organisations.ListAsync(filter, size, request.PageToken.Length == 0 ? null : request.PageToken, context.CancellationToken));
        var response = new ListOrganisationsResponse { NextPageToken = next ?? "" };
        response.Organisations.AddRange(items.Select(o => PartnersAccess.Visible(caller, o)));
        return response;
    }

    public override async Task<Organisation> CreateOrganisation(CreateOrganisationRequest request, ServerCallContext context)
    {
        PartnersAccess.RequireAdministrator(context.Caller(), "create organisations");
        var errors = new FieldErrors();
        RequireRequestId(errors, request.RequestId);
        var organisation = request.Organisation?.Clone() ?? new Organisation();
        if (request.Organisation is null)
        {
            errors.Add("organisation", "is required");
        }
        else
        {
            OrganisationRules.Validate(organisation, "organisation", errors);
        }

        var id = ClientChosenId.OrNew(errors, "organisation_id", request.OrganisationId);
        errors.ThrowIfAny("organisation");
        organisation.Name = ResourceNames.Of(OrganisationRules.Collection, id);
        organisation.Etag = "";
        OrganisationRules.ApplyDefaults(organisation);
        organisation.Audit = NewAudit(context);

        var createdId = await StoreFailures.Guard(
            () => organisations.CreateAsync(request.RequestId, id, organisation, context.CancellationToken),
            e => e.IndexName == DuplicateKeyException.IdIndexName
                ? $"Organisation {organisation.Name} already exists (created by another request); choose another organisation_id."
                : DuplicateIati(organisation));
        return (await organisations.FindAsync(createdId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"The organisation created by request {request.RequestId} has since been deleted."))).Value;
    }

    public override async Task<Organisation> UpdateOrganisation(UpdateOrganisationRequest request, ServerCallContext context)
    {
        if (request.Organisation is null)
        {
            throw RpcException.InvalidArgument("Invalid update: organisation is required.", new FieldViolation("organisation", "is required"));
        }

        var caller = context.Caller();
        var stored = await LoadOrganisationAsync(request.Organisation.Name, "organisation.name", context);
        PartnersAccess.RequireOrganisationUpdate(caller, stored.Value, request.UpdateMask?.Paths ?? []);
        StoreFailures.RequireEtag(request.Organisation.Etag, stored.Version, $"Organisation {stored.Value.DisplayName}");
        var updated = UpdateMasks.Apply(stored.Value, request.Organisation, request.UpdateMask, UpdatableOrganisationFields, "name, etag and audit are set by the server");
        var errors = new FieldErrors();
        OrganisationRules.Validate(updated, "organisation", errors);
        errors.ThrowIfAny("organisation");
        OrganisationRules.ApplyDefaults(updated);
        Touch(updated.Audit ??= new AuditInfo(), context);

        var saved = await StoreFailures.Guard(
            () => organisations.ReplaceAsync(stored.Id, updated, stored.Version, context.CancellationToken), _ => DuplicateIati(updated));
        return saved.Value;
    }

    public override async Task<Empty> DeleteOrganisation(DeleteOrganisationRequest request, ServerCallContext context)
    {
        PartnersAccess.RequireAdministrator(context.Caller(), "delete organisations");
        var stored = await LoadOrganisationAsync(request.Name, "name", context);
        StoreFailures.RequireEtag(request.Etag, stored.Version, $"Organisation {stored.Value.DisplayName}");
        if (await organisations.HasAgreementsAsync(stored.Value.Name, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"{stored.Value.DisplayName} is a party to agreements and cannot be deleted; set its status to INACTIVE instead."));
        }

        await StoreFailures.Guard(() => organisations.DeleteAsync(stored.Id, stored.Version, context.CancellationToken));
        return new Empty();
    }

    private async Task<Document<Organisation>> LoadOrganisationAsync(string name, string field, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.ResourceName(field, name, OrganisationRules.Collection);
        errors.ThrowIfAny("request");
        return await organisations.FindAsync(id!, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Organisation {name} does not exist."));
    }

    private AuditInfo NewAudit(ServerCallContext context)
    {
        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var who = Caller.SubjectOf(context);
        return new AuditInfo { CreateTime = now, UpdateTime = now, CreatedBy = who, UpdatedBy = who };
    }

    private void Touch(AuditInfo audit, ServerCallContext context)
    {
        audit.UpdateTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        audit.UpdatedBy = Caller.SubjectOf(context);
    }

    private static void RequireRequestId(FieldErrors errors, string requestId)
    {
        errors.Required("request_id", requestId);
        errors.MaxLength("request_id", requestId, 64);
    }

    private static string DuplicateIati(Organisation o) => $"An organisation with IATI identifier {o.IatiIdentifier} already exists.";
}
