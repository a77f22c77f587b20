using CapacityHub.Programmes.Domain;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Programmes.Api;

/// <summary>The status verbs: each is one guarded transition of <see cref="ProgrammeLifecycle"/>.</summary>
public sealed partial class ProgrammeApi
{
    public override Task<Programme> StartImplementation(ChangeProgrammeStatusRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request, StatusChange.StartImplementation, context);

    public override Task<Programme> SuspendProgramme(ChangeProgrammeStatusRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request, StatusChange.Suspend, context);

    public override Task<Programme> ResumeProgramme(ChangeProgrammeStatusRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request, StatusChange.Resume, context);

    public override Task<Programme> BeginFinalisation(ChangeProgrammeStatusRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request, StatusChange.BeginFinalisation, context);

    public override Task<Programme> CloseProgramme(ChangeProgrammeStatusRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request, StatusChange.Close, context);

    public override Task<Programme> CancelProgramme(ChangeProgrammeStatusRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request, StatusChange.Cancel, context);

    private async Task<Programme> ChangeStatusAsync(ChangeProgrammeStatusRequest request, StatusChange change, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        errors.ResourceName("name", request.Name, Collection);
        errors.MaxLength("reason", request.Reason, 2000);
        if (ProgrammeLifecycle.RequiresReason(change))
        {
            errors.Required("reason", request.Reason);
        }

        errors.Date("effective_date", request.EffectiveDate, required: false);
        errors.ThrowIfAny("status change");

        var stored = await LoadAsync(request.Name, "name", context);
        ProgrammesAccess.RequireManage(caller, stored.Value, $"change the status ({change}) of");
        StoreFailures.RequireEtag(request.Etag, stored.Version, $"Programme {stored.Value.Code}");
        if (ProgrammeLifecycle.WhyNot(stored.Value, change) is { } why)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, why));
        }

        var effective = request.EffectiveDate?.ToDateOnly() ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var updated = stored.Value.Clone();
        ProgrammeLifecycle.Apply(updated, change, effective, request.Reason);
        return await SaveAsync(stored, updated, context);
    }
}
