using CapacityHub.Programmes.Domain;
using CapacityHub.Programmes.Storage;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Storage;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Programmes.Api;

/// <summary>capacityhub.programmes.v1.ProgrammeService: validate, apply the domain rules, store.</summary>
public sealed partial class ProgrammeApi(ProgrammeRepository repository, TimeProvider clock) : ProgrammeService.ProgrammeServiceBase
{
    private const string Collection = "programmes";

    public override async Task<Programme> GetProgramme(GetProgrammeRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var stored = await LoadAsync(request.Name, "name", context);
        ProgrammesAccess.RequireRead(caller, stored.Value);
        return stored.Value;
    }

    public override async Task<ListProgrammesResponse> ListProgrammes(ListProgrammesRequest request, ServerCallContext context)
    {
        var scope = ProgrammesAccess.ListScope(context.Caller());
        var errors = new FieldErrors();
        errors.KnownEnum("status", request.Status);
        errors.KnownEnum("recipient_region", request.RecipientRegion);
        errors.ResourceName("funder", request.Funder, ProgrammeRules.Organisations, required: false);
        errors.ResourceName("participant", request.Participant, ProgrammeRules.Organisations, required: false);
        errors.CountryCode("recipient_country", request.RecipientCountry, required: false);
        errors.SingleLine("manager", request.Manager, TextLimits.Name);
        var query = errors.SearchQuery("query", request.Query);
        if (request.ParticipantMayNominate && request.Participant.Length == 0)
        {
            errors.Add("participant_may_nominate", "needs participant: the organisation whose right to nominate is asked about");
        }

        errors.ThrowIfAny("list request");
        var size = Paging.SizeOf(request.PageSize);

        // The caller's scope goes first: the repository walks the first tag's index and checks the rest.
        var tags = scope is null ? new List<string>() : [scope];
        if (request.Funder.Length > 0)
        {
            tags.Add(ProgrammeTags.Funder(request.Funder));
        }

        if (request.Participant.Length > 0)
        {
            tags.Add(ProgrammeTags.Participant(request.Participant));
        }

        if (request.Manager.Length > 0)
        {
            tags.Add(ProgrammeTags.Manager(request.Manager));
        }

        if (request.RecipientCountry.Length > 0)
        {
            tags.Add(ProgrammeTags.Country(request.RecipientCountry));
        }

        if (request.RecipientRegion != Common.V1.RegionGroup.Unspecified)
        {
            tags.Add(ProgrammeTags.Region(request.RecipientRegion));
        }

        var (items, next) = await StoreFailures.Guard(() => repository.ListAsync(
            new ProgrammeListFilter(request.Status, tags, query), size, request.PageToken.Length == 0 ? null : request.PageToken, context.CancellationToken));
        var response = new ListProgrammesResponse { NextPageToken = next ?? "" };
        // Roles are not indexed; AIP-158 allows the short page this may leave.
        response.Programmes.AddRange(request.ParticipantMayNominate
            ? items.Where(p => p.ParticipatingOrganisations.Any(o => o.Organisation == request.Participant && ProgrammeRules.MayNominate(o)))
            : items);
        return response;
    }

    public override async Task<Programme> CreateProgramme(CreateProgrammeRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        ProgrammesAccess.RequireCreate(caller);
        var errors = new FieldErrors();
        RequireRequestId(errors, request.RequestId);
        if (request.Programme is null)
        {
            errors.Add("programme", "is required");
            errors.ThrowIfAny("programme");
        }

        var programme = request.Programme!.Clone();
        if (caller.Role == CallerRole.ProgrammeManager && !programme.Managers.Contains(caller.Subject))
        {
            // The creating manager manages what it creates, in every service (the record is the one source).
            programme.Managers.Insert(0, caller.Subject);
        }

        ProgrammeRules.Validate(programme, "programme", errors);
        var chosen = ClientChosenId.OrNew(errors, "programme_id", request.ProgrammeId);
        errors.ThrowIfAny("programme");

        programme.Name = ResourceNames.Of(Collection, chosen);
        programme.Status = ActivityStatus.Pipeline;
        programme.ActualPeriod = null;
        programme.StatusReason = "";
        programme.Etag = "";
        ResultsFramework.AssignIds(programme);
        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var who = Caller.SubjectOf(context);
        programme.Audit = new Common.V1.AuditInfo { CreateTime = now, UpdateTime = now, CreatedBy = who, UpdatedBy = who };

        var id = await StoreFailures.Guard(() => repository.CreateAsync(request.RequestId, programme, context.CancellationToken), e => Duplicate(e, programme));
        var created = await repository.FindAsync(id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"The programme created by request {request.RequestId} has since been deleted."));
        return created.Value;
    }

    public override async Task<Programme> UpdateProgramme(UpdateProgrammeRequest request, ServerCallContext context)
    {
        if (request.Programme is null)
        {
            throw RpcException.InvalidArgument("Invalid update: programme is required.", new FieldViolation("programme", "is required"));
        }

        var caller = context.Caller();
        var stored = await LoadAsync(request.Programme.Name, "programme.name", context);
        ProgrammesAccess.RequireManage(caller, stored.Value, "update");
        StoreFailures.RequireEtag(request.Programme.Etag, stored.Version, $"Programme {stored.Value.Code}");
        RequireEditable(stored.Value);

        var updated = ProgrammeMask.Apply(stored.Value, request.Programme, request.UpdateMask);
        var errors = new FieldErrors();
        if (updated.Managers.Count == 0 && stored.Value.Managers.Count > 0 && !caller.IsAdministrator)
        {
            errors.Add("programme.managers", "may not be left empty: a programme needs a manager (an administrator can still change it)");
        }

        ProgrammeRules.Validate(updated, "programme", errors);
        errors.ThrowIfAny("programme");
        ResultsFramework.AssignIds(updated);
        return await SaveAsync(stored, updated, context);
    }

    public override async Task<Empty> DeleteProgramme(DeleteProgrammeRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var stored = await LoadAsync(request.Name, "name", context);
        ProgrammesAccess.RequireManage(caller, stored.Value, "delete");
        StoreFailures.RequireEtag(request.Etag, stored.Version, $"Programme {stored.Value.Code}");
        if (ProgrammeLifecycle.WhyNotDelete(stored.Value) is { } why)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, why));
        }

        await StoreFailures.Guard(() => repository.DeleteAsync(stored.Value, stored.Version, context.CancellationToken));
        return new Empty();
    }

    private async Task<Document<Programme>> LoadAsync(string name, string field, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.ResourceName(field, name, Collection);
        errors.ThrowIfAny("request");
        return await repository.FindAsync(id!, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Programme {name} does not exist."));
    }

    private async Task<Programme> SaveAsync(Document<Programme> stored, Programme updated, ServerCallContext context)
    {
        updated.Audit ??= new Common.V1.AuditInfo();
        updated.Audit.UpdateTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        updated.Audit.UpdatedBy = Caller.SubjectOf(context);
        var saved = await StoreFailures.Guard(
            () => repository.ReplaceAsync(stored.Value, updated, stored.Version, context.CancellationToken), e => Duplicate(e, updated));
        return saved.Value;
    }

    private static void RequireEditable(Programme programme)
    {
        if (ProgrammeLifecycle.WhyNotEdit(programme) is { } why)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, why));
        }
    }

    private static void RequireRequestId(FieldErrors errors, string requestId)
    {
        errors.Required("request_id", requestId);
        errors.MaxLength("request_id", requestId, 64);
    }

    private static string Duplicate(DuplicateKeyException e, Programme p) => e.IndexName switch
    {
        ProgrammeCollections.CodeIndex => $"A programme with code {p.Code} already exists.",
        ProgrammeCollections.IatiIndex => $"A programme with IATI identifier {p.IatiIdentifier} already exists.",
        _ => $"Programme {p.Name} already exists (created by another request); choose another programme_id.",
    };
}
