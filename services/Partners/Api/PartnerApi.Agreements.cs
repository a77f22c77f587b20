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

/// <summary>capacityhub.partners.v1.PartnerService, agreements part.</summary>
public sealed partial class PartnerApi
{
    private static readonly HashSet<string> UpdatableAgreementFields =
    [
        "type", "title", "parties", "programme", "signed_date", "term", "amount", "reporting_schedule",
    ];

    public override async Task<Agreement> GetAgreement(GetAgreementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var stored = await LoadAgreementAsync(request.Name, "name", context);
        PartnersAccess.RequireReadAgreement(caller, stored.Value);
        return stored.Value;
    }

    public override async Task<ListAgreementsResponse> ListAgreements(ListAgreementsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.ResourceName("party", request.Party, OrganisationRules.Collection, required: false);
        errors.ResourceName("programme", request.Programme, "programmes", required: false);
        errors.KnownEnum("type", request.Type);
        errors.ThrowIfAny("list request");
        var size = Paging.SizeOf(request.PageSize);

        var party = PartnersAccess.AgreementScope(context.Caller(), request.Party) ?? request.Party;
        var filter = new AgreementListFilter(party, request.Programme, request.Type);
        var (items, next) = await StoreFailures.Guard(() =>
            agreements.ListAsync(filter, size, request.PageToken.Length == 0 ? null : request.PageToken, context.CancellationToken));
        var response = new ListAgreementsResponse { NextPageToken = next ?? "" };
        response.Agreements.AddRange(items);
        return response;
    }

    public override async Task<Agreement> CreateAgreement(CreateAgreementRequest request, ServerCallContext context)
    {
        PartnersAccess.RequireWriteAgreement(context.Caller(), "create agreements");
        var errors = new FieldErrors();
        RequireRequestId(errors, request.RequestId);
        var agreement = request.Agreement?.Clone() ?? new Agreement();
        if (request.Agreement is null)
        {
            errors.Add("agreement", "is required");
        }
        else
        {
            AgreementRules.Validate(agreement, "agreement", errors);
        }

        errors.ThrowIfAny("agreement");
        await RequirePartiesExistAsync(agreement, context);
        var id = ResourceNames.NewId();
        agreement.Name = ResourceNames.Of(AgreementRules.Collection, id);
        agreement.Etag = "";
        agreement.Audit = NewAudit(context);

        var createdId = await StoreFailures.Guard(() => agreements.CreateAsync(request.RequestId, id, agreement, context.CancellationToken));
        return (await agreements.FindAsync(createdId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"The agreement created by request {request.RequestId} has since been deleted."))).Value;
    }

    public override async Task<Agreement> UpdateAgreement(UpdateAgreementRequest request, ServerCallContext context)
    {
        if (request.Agreement is null)
        {
            throw RpcException.InvalidArgument("Invalid update: agreement is required.", new FieldViolation("agreement", "is required"));
        }

        PartnersAccess.RequireWriteAgreement(context.Caller(), "update agreements");
        var stored = await LoadAgreementAsync(request.Agreement.Name, "agreement.name", context);
        StoreFailures.RequireEtag(request.Agreement.Etag, stored.Version, $"Agreement \"{stored.Value.Title}\"");
        var updated = UpdateMasks.Apply(stored.Value, request.Agreement, request.UpdateMask, UpdatableAgreementFields, "name, etag and audit are set by the server");
        var errors = new FieldErrors();
        AgreementRules.Validate(updated, "agreement", errors);
        errors.ThrowIfAny("agreement");
        await RequirePartiesExistAsync(updated, context);
        Touch(updated.Audit ??= new AuditInfo(), context);

        var saved = await StoreFailures.Guard(() => agreements.ReplaceAsync(stored.Id, stored.Value, updated, stored.Version, context.CancellationToken));
        return saved.Value;
    }

    public override async Task<Empty> DeleteAgreement(DeleteAgreementRequest request, ServerCallContext context)
    {
        PartnersAccess.RequireWriteAgreement(context.Caller(), "delete agreements");
        var stored = await LoadAgreementAsync(request.Name, "name", context);
        StoreFailures.RequireEtag(request.Etag, stored.Version, $"Agreement \"{stored.Value.Title}\"");
        await StoreFailures.Guard(() => agreements.DeleteAsync(stored.Id, stored.Value, stored.Version, context.CancellationToken));
        return new Empty();
    }

    /// <summary>Parties must be organisations this service knows; a typo would otherwise dangle forever.</summary>
    private async Task RequirePartiesExistAsync(Agreement agreement, ServerCallContext context)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < agreement.Parties.Count; i++)
        {
            var id = ResourceNames.IdOf(agreement.Parties[i], OrganisationRules.Collection)!;
            if (await organisations.FindAsync(id, context.CancellationToken) is null)
            {
                errors.Add($"agreement.parties[{i}]", $"{agreement.Parties[i]} does not exist");
            }
        }

        errors.ThrowIfAny("agreement");
    }

    private async Task<Document<Agreement>> LoadAgreementAsync(string name, string field, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.ResourceName(field, name, AgreementRules.Collection);
        errors.ThrowIfAny("request");
        return await agreements.FindAsync(id!, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Agreement {name} does not exist."));
    }
}
