using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Trainings.Api;

/// <summary>Seat decisions: approve (or waitlist), decline, book, withdraw and cancel with immediate promotion.</summary>
public sealed partial class NominationApi
{
    public override Task<Nomination> ApproveNomination(ChangeNominationStatusRequest request, ServerCallContext context) =>
        ChangeOneAsync(request, context, managerOnly: true, "approve", (aggregate, id) => aggregate.Roster.Approve(id));

    public override Task<Nomination> DeclineNomination(ChangeNominationStatusRequest request, ServerCallContext context) =>
        ChangeOneAsync(request, context, managerOnly: true, "decline", (aggregate, id) => aggregate.Roster.Decline(id, request.Reason));

    public override Task<Nomination> BookNomination(ChangeNominationStatusRequest request, ServerCallContext context) =>
        ChangeOneAsync(request, context, managerOnly: false, "book", (aggregate, id) => aggregate.Roster.Book(id));

    public override Task<ReleaseSeatResponse> WithdrawNomination(ChangeNominationStatusRequest request, ServerCallContext context) =>
        ReleaseAsync(request, context, managerOnly: false, "withdraw", (aggregate, id) => aggregate.Roster.Withdraw(id, request.Reason));

    public override Task<ReleaseSeatResponse> CancelNomination(ChangeNominationStatusRequest request, ServerCallContext context) =>
        ReleaseAsync(request, context, managerOnly: true, "cancel", (aggregate, id) => aggregate.Roster.Cancel(id, request.Reason));

    private async Task<Nomination> ChangeOneAsync(ChangeNominationStatusRequest request, ServerCallContext context, bool managerOnly, string action,
        Func<TrainingAggregate, string, IReadOnlyList<Domain.Nominations.Nomination>> change)
    {
        Reasons.Validate(request.Reason);
        var (trainingId, id) = ParseName(request.Name, "name");
        await ChangeAsync(trainingId, id, request.Etag, context, managerOnly, action, aggregate => change(aggregate, id), RosterNeeds.Of([id]));
        return await ReadAsync(trainingId, id, context);
    }

    private async Task<ReleaseSeatResponse> ReleaseAsync(ChangeNominationStatusRequest request, ServerCallContext context, bool managerOnly, string action,
        Func<TrainingAggregate, string, IReadOnlyList<Domain.Nominations.Nomination>> change)
    {
        Reasons.Validate(request.Reason);
        var (trainingId, id) = ParseName(request.Name, "name");
        var promoted = await ChangeAsync(trainingId, id, request.Etag, context, managerOnly, action,
            aggregate => change(aggregate, id), RosterNeeds.Of([id], firstWaitlisted: true));
        var response = new ReleaseSeatResponse { Nomination = await ReadAsync(trainingId, id, context) };
        if (promoted.Length > 0)
        {
            response.Promoted = await ReadAsync(trainingId, promoted, context);
        }

        return response;
    }

    /// <returns>The id of another nomination the change moved (a promotion), or "".</returns>
    private async Task<string> ChangeAsync(string trainingId, string id, string etag, ServerCallContext context, bool managerOnly, string action,
        Func<TrainingAggregate, IReadOnlyList<Domain.Nominations.Nomination>> change, RosterNeeds needs)
    {
        var caller = TrainingsAccess.Caller(context);
        TrainingsAccess.RequireNoFunder(caller);
        var outcomes = new List<Domain.Nominations.NominationStatus>();
        return await DomainCalls.Run(() => store.WriteAsync(trainingId, caller.Subject, aggregate =>
        {
            outcomes.Clear();
            var target = Authorise(aggregate, id, etag, caller, managerOnly, action);
            var changed = change(aggregate);
            aggregate.Touch(changed);
            outcomes.AddRange(changed.Select(n => n.Status));
            return changed.FirstOrDefault(n => n.Id != target.Id)?.Id ?? "";
        }, context.CancellationToken, committed: () => outcomes.ForEach(metrics.Nomination), needs: needs));
    }

    /// <summary>Finds the nomination, checks the caller may act on it and that the etag (when sent) is current.</summary>
    private static Enrolment Authorise(TrainingAggregate aggregate, string id, string etag, CallerIdentity caller, bool managerOnly, string action)
    {
        var target = aggregate.Find(id);
        if (managerOnly)
        {
            TrainingsAccess.RequireManager(caller, aggregate.ProgrammeId, $"{action} nominations");
        }
        else
        {
            TrainingsAccess.RequireNominationAccess(caller, aggregate.ProgrammeId, target.Nomination.NominatingOrganisationId, action);
        }

        if (target.Stored is not null)
        {
            StoreFailures.RequireEtag(etag, target.Stored.Version, $"Nomination {target.Resource.Name}");
        }

        return target;
    }
}
