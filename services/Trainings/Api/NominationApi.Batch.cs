using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Trainings.Api;

/// <summary>Bulk decisions: one decision over a selection of a training's nominations, in one transaction.</summary>
public sealed partial class NominationApi
{
    private const int MaxBatchDecisions = 500;

    public override async Task<BatchDecideNominationsResponse> BatchDecideNominations(BatchDecideNominationsRequest request, ServerCallContext context)
    {
        var trainingId = ParseParent(request.Parent);
        var (action, managerOnly, decide) = DecisionOf(request);
        Reasons.Validate(request.Reason);
        var ids = BatchIds(trainingId, request.Names);
        var caller = TrainingsAccess.Caller(context);
        TrainingsAccess.RequireNoFunder(caller);
        var outcomes = new List<Domain.Nominations.NominationStatus>();
        await DomainCalls.Run(() => store.WriteAsync(trainingId, caller.Subject, aggregate =>
        {
            outcomes.Clear();
            for (var i = 0; i < ids.Count; i++)
            {
                Authorise(aggregate, ids[i], "", caller, managerOnly, action);
                IReadOnlyList<Domain.Nominations.Nomination> changed;
                try
                {
                    changed = decide(aggregate.Roster, ids[i]);
                }
                catch (Domain.DomainRuleException e)
                {
                    throw new Domain.DomainRuleException($"names[{i}] ({request.Names[i]}): {e.Message}");
                }

                aggregate.Touch(changed);
                outcomes.AddRange(changed.Select(n => n.Status));
            }

            return "";
        }, context.CancellationToken, committed: () => outcomes.ForEach(metrics.Nomination), needs: RosterNeeds.Of(ids)));
        var response = new BatchDecideNominationsResponse();
        foreach (var id in ids)
        {
            response.Nominations.Add(await ReadAsync(trainingId, id, context));
        }

        return response;
    }

    private static (string Action, bool ManagerOnly, Func<Domain.Nominations.Roster, string, IReadOnlyList<Domain.Nominations.Nomination>> Decide) DecisionOf(
        BatchDecideNominationsRequest request) => request.Decision switch
        {
            NominationDecision.Approve => ("approve", true, (roster, id) => roster.Approve(id)),
            NominationDecision.Waitlist => ("waitlist", true, (roster, id) => roster.Waitlist(id)),
            NominationDecision.Decline => ("decline", true, (roster, id) => roster.Decline(id, request.Reason)),
            NominationDecision.Book => ("book", false, (roster, id) => roster.Book(id)),
            _ => throw RpcException.InvalidArgument($"Invalid decision {request.Decision}.",
                new FieldViolation("decision", "must be APPROVE, WAITLIST, DECLINE or BOOK")),
        };

    private static List<string> BatchIds(string trainingId, IReadOnlyList<string> names)
    {
        var errors = new FieldErrors();
        if (names.Count is 0 or > MaxBatchDecisions)
        {
            errors.Add("names", $"must hold 1 to {MaxBatchDecisions} nominations, not {names.Count}");
        }

        var ids = new List<string>();
        for (var i = 0; i < names.Count && i < MaxBatchDecisions; i++)
        {
            var parsed = TrainingResources.ParseChild(names[i], NominationsKind);
            if (parsed is not { } p || p.TrainingId != trainingId)
            {
                errors.Add($"names[{i}]", $"must be \"trainings/{trainingId}/nominations/{{id}}\" (every name must belong to the parent)");
            }
            else if (ids.Contains(p.ChildId))
            {
                errors.Add($"names[{i}]", "appears more than once");
            }
            else
            {
                ids.Add(p.ChildId);
            }
        }

        errors.ThrowIfAny("batch");
        return ids;
    }
}
