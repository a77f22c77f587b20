using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using NodaTime;

namespace CapacityHub.Trainings.Api;

/// <summary>The lifecycle verbs; the domain's <c>TrainingLifecycle</c> says which move is allowed.</summary>
public sealed partial class TrainingApi
{
    public override async Task<Training> OpenNominations(ChangeTrainingStatusRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        var stored = (await LoadAsync(request.Name, "name", context)).Value;
        TrainingsAccess.RequireManager(caller, stored.Programme, "open nominations");
        if (stored.SessionDays.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Schedule at least one session day before opening nominations"));
        }

        var dates = stored.SessionDays.Select(d => LocalDate.FromDateOnly(d.Date.ToDateOnly())).ToList();
        var window = await programmes.WindowAsync(stored.Programme, dates.Min(), dates.Max(), [], "check the programme before opening nominations", context.CancellationToken);
        var period = ProgrammeChecks.PeriodOf(window);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        return await ChangeAsync(request, caller, context, aggregate => aggregate.Training.OpenNominations(now, period));
    }

    public override Task<Training> ConfirmTraining(ChangeTrainingStatusRequest request, ServerCallContext context) =>
        ChangeAsync(request, TrainingsAccess.Caller(context), context, aggregate => aggregate.Training.Confirm());

    public override Task<Training> StartTraining(ChangeTrainingStatusRequest request, ServerCallContext context) =>
        ChangeAsync(request, TrainingsAccess.Caller(context), context, aggregate => aggregate.Training.Start());

    public override Task<Training> CompleteTraining(ChangeTrainingStatusRequest request, ServerCallContext context) =>
        ChangeAsync(request, TrainingsAccess.Caller(context), context, aggregate =>
        {
            aggregate.Training.Complete();
            // Booked people get their outcome from the register; days no longer scheduled do not count.
            var days = aggregate.Training.SessionDays.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var e in aggregate.Enrolments.Where(e => e.Nomination.Status == Domain.Nominations.NominationStatus.Booked))
            {
                var attended = e.Learning.Attendance.Count(a => a.Value && days.Contains(a.Key));
                aggregate.Touch(aggregate.Roster.CloseAttendance(e.Id, attended, days.Count));
            }
        });

    public override Task<Training> CancelTraining(ChangeTrainingStatusRequest request, ServerCallContext context)
    {
        Reasons.Validate(request.Reason);
        return ChangeAsync(request, TrainingsAccess.Caller(context), context, aggregate => aggregate.Training.Cancel(request.Reason));
    }

    private Task<Training> ChangeAsync(ChangeTrainingStatusRequest request, ServiceDefaults.Identity.CallerIdentity caller, ServerCallContext context, Action<TrainingAggregate> change) =>
        WriteAsync(ParseName(request.Name, "name"), caller, context, aggregate =>
        {
            TrainingsAccess.RequireManager(caller, aggregate.ProgrammeId, "change the status of its trainings");
            StoreFailures.RequireEtag(request.Etag, aggregate.Version, $"Training {aggregate.Resource.Name}");
            change(aggregate);
            return "";
        });
}
