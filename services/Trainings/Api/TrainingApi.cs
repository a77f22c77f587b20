using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Storage;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Trainings.Api;

/// <summary>capacityhub.trainings.v1.TrainingService: validate, authorise, check with Programmes, apply the domain rules, store.</summary>
public sealed partial class TrainingApi(
    TrainingStore store, TrainingsAccess access, ProgrammeChecks programmes, TrainingConflicts conflicts, TrainingsMetrics metrics, QuotasLeft quotasLeft, TimeProvider clock)
    : TrainingService.TrainingServiceBase
{
    private static readonly HashSet<string> Updatable =
    [
        "title", "topics", "language", "mode", "venue", "seats", "waitlist_size", "nomination_open_time", "nomination_deadline",
        "quotas", "eligibility_notes", "completion_policy",
    ];

    public override async Task<Training> GetTraining(GetTrainingRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        var training = (await LoadAsync(request.Name, "name", context)).Value;
        await access.RequireReadTrainingAsync(caller, training, context.CancellationToken);
        await quotasLeft.AddAsync(training, caller, context.CancellationToken, oneTraining: true);
        return training;
    }

    public override async Task<ListTrainingsResponse> ListTrainings(ListTrainingsRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        var errors = new FieldErrors();
        errors.ResourceName("programme", request.Programme, "programmes", required: false);
        errors.KnownEnum("status", request.Status);
        errors.CountryCode("open_to_country", request.OpenToCountry, required: false);
        var dates = request.StartDates is null ? null : errors.DateRange("start_dates", request.StartDates, endRequired: false);
        var query = errors.SearchQuery("query", request.Query);
        errors.ThrowIfAny("list request");
        var size = Paging.SizeOf(request.PageSize);

        var filter = Filter.All;
        if (request.Programme.Length > 0)
        {
            filter = filter.And("programmeId", request.Programme);
        }

        if (request.Status != TrainingStatus.Unspecified)
        {
            filter = filter.And("status", request.Status.ToString());
        }

        if (query.Length > 0)
        {
            filter = filter.AndContains("searchText", query);
        }

        var scope = await access.TrainingScopeAsync(caller, context.CancellationToken);
        var (items, next) = await StoreFailures.Guard(() => store.ListAsync(filter, "firstStartUnixMs", size, request.PageToken.Length == 0 ? null : request.PageToken, context.CancellationToken));
        // Filters the store cannot index (arrays, venue-local dates, the caller's scope) narrow the page; AIP-158 allows short pages.
        var response = new ListTrainingsResponse { NextPageToken = next ?? "" };
        response.Trainings.AddRange(items.Where(t =>
            (scope is null || scope(t))
            && (request.OpenToCountry.Length == 0 || TrainingsAccess.OpenTo(t, request.OpenToCountry, null) || !t.Quotas.Any(q => q.Scope == QuotaScope.Country))
            && (dates is null || StartsWithin(t, dates.Value.Start, dates.Value.End))));
        foreach (var training in response.Trainings)
        {
            await quotasLeft.AddAsync(training, caller, context.CancellationToken);
        }

        return response;
    }

    public override async Task<Training> CreateTraining(CreateTrainingRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        var errors = new FieldErrors();
        errors.Required("request_id", request.RequestId);
        errors.MaxLength("request_id", request.RequestId, 64);
        if (request.Training is null)
        {
            errors.Add("training", "is required");
        }
        else
        {
            errors.ResourceName("training.programme", request.Training.Programme, "programmes");
        }

        var id = ClientChosenId.OrNew(errors, "training_id", request.TrainingId);
        errors.ThrowIfAny("training");
        var training = request.Training!.Clone();
        TrainingsAccess.RequireManager(caller, training.Programme, "create trainings in it");
        if (await store.RecordedAsync("CreateTraining", request.RequestId, context.CancellationToken) is { } done)
        {
            return (await store.FindAsync(done, context.CancellationToken))?.Value
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"The training created by request {request.RequestId} has since been deleted."));
        }

        await DomainCalls.Run(async () =>
        {
            TrainingResources.Definition(training).Validate();
            TrainingResources.Policy(training).Validate();
            return await Task.FromResult(true);
        });
        await programmes.EnsureExistsAsync(training.Programme, context.CancellationToken);

        training.Name = TrainingResources.TrainingName(id);
        training.Status = TrainingStatus.Planned;
        training.CancellationReason = "";
        training.SessionDays.Clear();
        training.SeatsTaken = 0;
        training.Waitlisted = 0;
        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        training.Audit = new Common.V1.AuditInfo { CreateTime = now, UpdateTime = now, CreatedBy = caller.Subject, UpdatedBy = caller.Subject };
        var created = await StoreFailures.Guard(() => store.CreateAsync(request.RequestId, id, training, context.CancellationToken),
            _ => $"Training {training.Name} already exists (created by another request); choose another training_id.");
        return (await store.FindAsync(created, context.CancellationToken))!.Value;
    }

    public override async Task<Training> UpdateTraining(UpdateTrainingRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        if (request.Training is null)
        {
            throw RpcException.InvalidArgument("Invalid update: training is required.", new FieldViolation("training", "is required"));
        }

        var id = ParseName(request.Training.Name, "training.name");
        return await WriteAsync(id, caller, context, aggregate =>
        {
            TrainingsAccess.RequireManager(caller, aggregate.ProgrammeId, "edit its trainings");
            StoreFailures.RequireEtag(request.Training.Etag, aggregate.Version, $"Training {aggregate.Resource.Name}");
            var updated = UpdateMasks.Apply(aggregate.Resource, request.Training, request.UpdateMask, Updatable,
                "status, session days, programme and counts change through their own methods");
            TrainingResources.Policy(updated).Validate();
            aggregate.ReplaceDefinition(updated);
            return "";
        });
    }

    public override async Task<Empty> DeleteTraining(DeleteTrainingRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        var stored = await LoadAsync(request.Name, "name", context);
        TrainingsAccess.RequireManager(caller, stored.Value.Programme, "delete its trainings");
        StoreFailures.RequireEtag(request.Etag, stored.Version, $"Training {request.Name}");
        if (stored.Value.Status is not (TrainingStatus.Planned or TrainingStatus.Cancelled))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Only planned or cancelled trainings can be deleted; cancel it first."));
        }

        var (nominations, _) = await store.ListNominationsAsync(Filter.Where("trainingId", stored.Id), 1, null, context.CancellationToken);
        if (nominations.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "The training has nominations; their records must be kept, so it cannot be deleted."));
        }

        await StoreFailures.Guard(() => store.DeleteAsync(stored.Id, stored.Version, context.CancellationToken));
        return new Empty();
    }

    private async Task<Document<Training>> LoadAsync(string name, string field, ServerCallContext context)
    {
        var id = ParseName(name, field);
        return await store.FindAsync(id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Training {name} does not exist."));
    }

    private static string ParseName(string name, string field)
    {
        var errors = new FieldErrors();
        var id = errors.ResourceName(field, name, TrainingResources.Trainings);
        errors.ThrowIfAny("request");
        return id!;
    }

    /// <summary>Runs a domain operation on the stored training and answers with the training as saved.</summary>
    private async Task<Training> WriteAsync(string id, ServiceDefaults.Identity.CallerIdentity caller, ServerCallContext context, Func<TrainingAggregate, string> operate,
        string? operation = null, string? requestId = null, Action? committed = null)
    {
        await DomainCalls.Run(() => store.WriteAsync(id, caller.Subject, operate, context.CancellationToken, operation, requestId, committed));
        return (await store.FindAsync(id, context.CancellationToken))?.Value
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Training trainings/{id} was deleted meanwhile."));
    }

    private static bool StartsWithin(Training t, DateOnly from, DateOnly? to)
    {
        if (t.SessionDays.Count == 0)
        {
            return false;
        }

        var first = t.SessionDays[0].Date.ToDateOnly();
        return first >= from && (to is null || first <= to);
    }
}
