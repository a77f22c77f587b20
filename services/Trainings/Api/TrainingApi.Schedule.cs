using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.Domain.Scheduling;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using NodaTime;
using Training = CapacityHub.Trainings.V1.Training;
using DomainSessionDay = CapacityHub.Trainings.Domain.Scheduling.SessionDay;

namespace CapacityHub.Trainings.Api;

/// <summary>Session days: resolved from local times in IANA zones, checked with Programmes and for conflicts, then stored.</summary>
public sealed partial class TrainingApi
{
    public override async Task<Training> ScheduleTraining(ScheduleTrainingRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        var stored = (await LoadAsync(request.Name, "name", context)).Value;
        TrainingsAccess.RequireManager(caller, stored.Programme, "schedule its trainings");
        var id = ResourceNames.IdOf(stored.Name, TrainingResources.Trainings)!;
        var existing = stored.SessionDays.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var days = await DomainCalls.Run(() => Task.FromResult(request.SessionDays.Select((d, i) =>
            TrainingResources.PlanDay(id, existing.Contains(d.Name) ? TrainingResources.ParseChild(d.Name, "sessionDays")!.Value.ChildId : ResourceNames.NewId(),
                d, stored.Venue?.TimeZone ?? "", $"session_days[{i}]")).ToList()));
        var period = days.Count == 0 ? null : await CheckWindowAsync(stored, days, context);
        await RequireNoConflictsAsync(id, stored, days, context);

        return await WriteAsync(id, caller, context, aggregate =>
        {
            StoreFailures.RequireEtag(request.Etag, aggregate.Version, $"Training {stored.Name}");
            foreach (var day in aggregate.Training.SessionDays.ToList())
            {
                aggregate.Training.RemoveSessionDay(day.Id);
            }

            foreach (var day in days)
            {
                aggregate.Training.AddSessionDay(day, period!);
            }

            aggregate.TouchAll();
            return "";
        }, committed: metrics.TrainingScheduled);
    }

    public override async Task<Training> AddSessionDay(AddSessionDayRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        var errors = new FieldErrors();
        errors.Required("request_id", request.RequestId);
        errors.MaxLength("request_id", request.RequestId, 64);
        if (request.SessionDay is null)
        {
            errors.Add("session_day", "is required");
        }

        errors.ThrowIfAny("session day");
        var stored = (await LoadAsync(request.Name, "name", context)).Value;
        TrainingsAccess.RequireManager(caller, stored.Programme, "schedule its trainings");
        var id = ResourceNames.IdOf(stored.Name, TrainingResources.Trainings)!;
        if (await store.RecordedAsync("AddSessionDay", request.RequestId, context.CancellationToken) is not null)
        {
            return stored;
        }

        var moved = stored.SessionDays.FirstOrDefault(d => d.Name == request.SessionDay!.Name);
        var dayId = moved is null ? ResourceNames.NewId() : TrainingResources.ParseChild(moved.Name, "sessionDays")!.Value.ChildId;
        var day = await DomainCalls.Run(() => Task.FromResult(TrainingResources.PlanDay(id, dayId, request.SessionDay!, stored.Venue?.TimeZone ?? "", "session_day")));
        var others = stored.SessionDays.Where(d => d.Name != request.SessionDay!.Name).Select(d => d.Date.ToDateOnly()).ToList();
        var period = await CheckWindowAsync(stored, [day], context, others);
        await RequireNoConflictsAsync(id, stored, [day], context);

        return await WriteAsync(id, caller, context, aggregate =>
        {
            StoreFailures.RequireEtag(request.Etag, aggregate.Version, $"Training {stored.Name}");
            aggregate.Training.AddSessionDay(day, period);
            aggregate.TouchAll();
            return day.Id;
        }, "AddSessionDay", request.RequestId, metrics.TrainingScheduled);
    }

    public override async Task<Training> RemoveSessionDay(RemoveSessionDayRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        var parsed = TrainingResources.ParseChild(request.Name, "sessionDays")
            ?? throw RpcException.InvalidArgument($"Invalid name \"{request.Name}\".",
                new FieldViolation("name", "must be \"trainings/{id}/sessionDays/{id}\""));
        return await WriteAsync(parsed.TrainingId, caller, context, aggregate =>
        {
            TrainingsAccess.RequireManager(caller, aggregate.ProgrammeId, "schedule its trainings");
            StoreFailures.RequireEtag(request.Etag, aggregate.Version, $"Training {aggregate.Resource.Name}");
            if (aggregate.Training.SessionDays.All(d => d.Id != parsed.ChildId))
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"Session day {request.Name} does not exist."));
            }

            aggregate.Training.RemoveSessionDay(parsed.ChildId);
            aggregate.TouchAll();
            return "";
        });
    }

    public override async Task<CheckConflictsResponse> CheckConflicts(CheckConflictsRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        Training? stored = null;
        if (request.Training.Length > 0)
        {
            stored = (await LoadAsync(request.Training, "training", context)).Value;
            TrainingsAccess.RequireManager(caller, stored.Programme, "schedule its trainings");
        }
        else if (caller.Role is not (ServiceDefaults.Identity.CallerRole.ProgrammeManager or ServiceDefaults.Identity.CallerRole.Administrator or ServiceDefaults.Identity.CallerRole.Service))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Only programme managers check schedules for conflicts."));
        }

        var id = stored is null ? "" : ResourceNames.IdOf(stored.Name, TrainingResources.Trainings)!;
        var viewer = request.ViewerTimeZone.Length == 0 ? null
            : await DomainCalls.Run(() => Task.FromResult(TrainingResources.Zone(request.ViewerTimeZone, "viewer_time_zone")));
        var days = await DomainCalls.Run(() => Task.FromResult(request.SessionDays.Select((d, i) =>
            TrainingResources.PlanDay(id, stored?.SessionDays.Any(s => s.Name == d.Name) == true ? TrainingResources.ParseChild(d.Name, "sessionDays")!.Value.ChildId : $"proposed-{i}",
                d, stored?.Venue?.TimeZone ?? "", $"session_days[{i}]")).ToList()));
        var title = request.TrainingTitle.Length > 0 ? request.TrainingTitle : stored?.Title ?? "";
        var found = await conflicts.FindAsync(id, title, days, context.CancellationToken);
        var response = new CheckConflictsResponse();
        response.Conflicts.AddRange(found.Select(c => TrainingConflicts.ToProto(c, viewer, id)));
        return response;
    }

    /// <summary>Asks Programmes whether the schedule's first and last local dates fit the programme (with any days kept).</summary>
    private async Task<ProgrammePeriod> CheckWindowAsync(Training stored, IReadOnlyList<DomainSessionDay> days, ServerCallContext context, IReadOnlyList<DateOnly>? others = null)
    {
        var dates = days.SelectMany(d => new[] { d.LocalDate, d.End.InZone(d.Zone).Date })
            .Concat((others ?? []).Select(LocalDate.FromDateOnly)).ToList();
        var window = await programmes.WindowAsync(stored.Programme, dates.Min(), dates.Max(), [], "check the schedule against the programme", context.CancellationToken);
        ProgrammeChecks.RequireAllowed(window);
        return ProgrammeChecks.PeriodOf(window);
    }

    private async Task RequireNoConflictsAsync(string trainingId, Training stored, IReadOnlyList<DomainSessionDay> days, ServerCallContext context)
    {
        var found = await conflicts.FindAsync(trainingId, stored.Title, days, context.CancellationToken);
        if (found.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The schedule has {found.Count} conflict(s): " + string.Join(" | ", found.Select(c => c.Describe()))));
        }
    }
}
