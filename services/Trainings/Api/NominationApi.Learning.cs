using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Learning;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using Assessment = CapacityHub.Trainings.Domain.Learning.Assessment;
using AssessmentKind = CapacityHub.Trainings.Domain.Learning.AssessmentKind;
using BehaviourFollowUp = CapacityHub.Trainings.Domain.Learning.BehaviourFollowUp;
using FollowUpPoint = CapacityHub.Trainings.Domain.Learning.FollowUpPoint;
using ReactionEvaluation = CapacityHub.Trainings.Domain.Learning.ReactionEvaluation;
using NodaTime;

namespace CapacityHub.Trainings.Api;

/// <summary>What enrolled participants did: attendance, assessments, evaluations and certificates.</summary>
public sealed partial class NominationApi
{
    public override async Task<Nomination> RecordAttendance(RecordAttendanceRequest request, ServerCallContext context)
    {
        var (trainingId, id) = ParseName(request.Name, "name");
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        await LearnAsync(trainingId, context, [(id, "", (aggregate, e) => Attend(aggregate, e, trainingId, request, "", now))]);
        return await ReadAsync(trainingId, id, context);
    }

    public override async Task<BatchRecordAttendanceResponse> BatchRecordAttendance(BatchRecordAttendanceRequest request, ServerCallContext context)
    {
        var trainingId = ParseParent(request.Parent);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var entries = request.Entries.Select((entry, i) => (Id: EntryId(trainingId, entry.Name, i),
            Field: $"entries[{i}]", Apply: (Action<TrainingAggregate, Enrolment>)((aggregate, e) => Attend(aggregate, e, trainingId, entry, $"entries[{i}].", now))))
            .ToList();
        await LearnAsync(trainingId, context, entries);
        var response = new BatchRecordAttendanceResponse();
        foreach (var entry in entries)
        {
            response.Nominations.Add(await ReadAsync(trainingId, entry.Id, context));
        }

        return response;
    }

    public override async Task<Nomination> RecordAssessment(RecordAssessmentRequest request, ServerCallContext context)
    {
        var (trainingId, id) = ParseName(request.Name, "name");
        await LearnAsync(trainingId, context, [(id, "", (_, e) => Assess(e, request, ""))]);
        return await ReadAsync(trainingId, id, context);
    }

    public override async Task<BatchRecordAssessmentsResponse> BatchRecordAssessments(BatchRecordAssessmentsRequest request, ServerCallContext context)
    {
        var trainingId = ParseParent(request.Parent);
        var entries = request.Entries.Select((entry, i) => (Id: EntryId(trainingId, entry.Name, i),
            Field: $"entries[{i}]", Apply: (Action<TrainingAggregate, Enrolment>)((_, e) => Assess(e, entry, $"entries[{i}]."))))
            .ToList();
        await LearnAsync(trainingId, context, entries);
        var response = new BatchRecordAssessmentsResponse();
        foreach (var entry in entries)
        {
            response.Nominations.Add(await ReadAsync(trainingId, entry.Id, context));
        }

        return response;
    }

    public override async Task<Nomination> RecordReaction(RecordReactionRequest request, ServerCallContext context)
    {
        var (trainingId, id) = ParseName(request.Name, "name");
        await LearnAsync(trainingId, context, [(id, "", (_, e) =>
        {
            var reaction = request.Reaction ?? throw new DomainValidationException("reaction", "is required");
            e.Learning.RecordReaction(e.Nomination, Prefixed("reaction.", () => ReactionEvaluation.Create(reaction.Satisfaction, reaction.Relevance)));
        })]);
        return await ReadAsync(trainingId, id, context);
    }

    public override async Task<Nomination> RecordFollowUp(RecordFollowUpRequest request, ServerCallContext context)
    {
        var (trainingId, id) = ParseName(request.Name, "name");
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        await LearnAsync(trainingId, context, [(id, "", (aggregate, e) =>
        {
            var followUp = request.FollowUp ?? throw new DomainValidationException("follow_up", "is required");
            var end = aggregate.Training.LastEnd ?? throw new DomainRuleException("The training has no session days, so there is nothing to follow up");
            var recorded = followUp.RecordTime is null ? now : TrainingResources.ToInstant(followUp.RecordTime);
            e.Learning.RecordFollowUp(e.Nomination, Prefixed("follow_up.", () =>
                BehaviourFollowUp.Create((FollowUpPoint)(int)followUp.Point, followUp.ApplyingSkills, recorded, end, followUp.Example)));
        })]);
        return await ReadAsync(trainingId, id, context);
    }

    public override async Task<V1.Certificate> IssueCertificate(IssueCertificateRequest request, ServerCallContext context)
    {
        var (trainingId, id) = ParseName(request.Name, "name");
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        await LearnAsync(trainingId, context, [(id, "", (aggregate, e) => e.Learning.IssueCertificate(aggregate.Training, e.Nomination, aggregate.Policy, now))]);
        return (await ReadAsync(trainingId, id, context)).Learning.Certificate;
    }

    private static void Attend(TrainingAggregate aggregate, Enrolment e, string trainingId, RecordAttendanceRequest entry, string prefix, Instant now)
    {
        var day = TrainingResources.ParseChild(entry.SessionDay, "sessionDays");
        if (day is null || day.Value.TrainingId != trainingId)
        {
            throw new DomainValidationException($"{prefix}session_day", $"must be \"trainings/{trainingId}/sessionDays/{{id}}\" of the nomination's training");
        }

        Prefixed(prefix, () =>
        {
            e.Learning.RecordAttendance(aggregate.Training, e.Nomination, day.Value.ChildId, entry.Present, now);
            return true;
        });
    }

    private static void Assess(Enrolment e, RecordAssessmentRequest entry, string prefix)
    {
        var a = entry.Assessment ?? throw new DomainValidationException($"{prefix}assessment", "is required");
        Prefixed(prefix, () =>
        {
            e.Learning.RecordAssessment(e.Nomination, Assessment.Create((AssessmentKind)(int)a.Kind, (decimal)a.Score, (decimal)a.Maximum));
            return true;
        });
    }

    /// <summary>
    /// Applies learning-record changes to one or more nominations of a training, all or nothing. For
    /// batches every entry is tried and every failure reported as a field violation naming its entry.
    /// </summary>
    private async Task LearnAsync(string trainingId, ServerCallContext context, IReadOnlyList<(string Id, string Field, Action<TrainingAggregate, Enrolment> Apply)> entries)
    {
        var caller = TrainingsAccess.Caller(context);
        TrainingsAccess.RequireNoFunder(caller);
        if (entries.Count == 0)
        {
            throw RpcException.InvalidArgument("Invalid batch: entries is empty.", new FieldViolation("entries", "must hold at least one entry"));
        }

        await DomainCalls.Run(() => store.WriteAsync(trainingId, caller.Subject, aggregate =>
        {
            var batch = entries.Count > 1 || entries[0].Field.Length > 0;
            var violations = new List<FieldViolation>();
            foreach (var (id, field, apply) in entries)
            {
                var e = batch ? aggregate.Enrolments.FirstOrDefault(x => x.Id == id) : aggregate.Find(id);
                if (e is null)
                {
                    violations.Add(new FieldViolation($"{field}.name", $"no nomination {TrainingResources.NominationName(trainingId, id)} in this training"));
                    continue;
                }

                TrainingsAccess.RequireNominationAccess(caller, aggregate.ProgrammeId, e.Nomination.NominatingOrganisationId, "record results of");
                if (!batch)
                {
                    apply(aggregate, e);
                    aggregate.Touch([e.Nomination]);
                    continue;
                }

                try
                {
                    apply(aggregate, e);
                    aggregate.Touch([e.Nomination]);
                }
                catch (DomainValidationException x)
                {
                    violations.AddRange(x.Errors.Select(f => new FieldViolation(f.Field.StartsWith(field, StringComparison.Ordinal) ? f.Field : $"{field}.{f.Field}", f.Description)));
                }
                catch (DomainRuleException x)
                {
                    violations.Add(new FieldViolation($"{field}.name", x.Message));
                }
            }

            if (violations.Count > 0)
            {
                // Thrown inside the transaction: nothing of the batch is saved.
                throw RpcException.InvalidArgument($"Invalid batch: {violations[0].Field} {violations[0].Description}" +
                    (violations.Count > 1 ? $" (and {violations.Count - 1} more); nothing was recorded" : "; nothing was recorded"), [.. violations]);
            }

            return "";
        }, context.CancellationToken, needs: RosterNeeds.Of(entries.Select(e => e.Id))));
    }

    private static string EntryId(string trainingId, string name, int index)
    {
        var parsed = TrainingResources.ParseChild(name, NominationsKind);
        return parsed is { } p && p.TrainingId == trainingId ? p.ChildId
            : throw RpcException.InvalidArgument($"Invalid entries[{index}].name \"{name}\".",
                new FieldViolation($"entries[{index}].name", $"must be \"trainings/{trainingId}/nominations/{{id}}\" (every entry must belong to the parent)"));
    }

    private static string ParseParent(string parent)
    {
        var errors = new ServiceDefaults.Validation.FieldErrors();
        var id = ServiceDefaults.Validation.CommonTypes.ResourceName(errors, "parent", parent, TrainingResources.Trainings);
        errors.ThrowIfAny("request");
        return id!;
    }

    private static T Prefixed<T>(string prefix, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (DomainValidationException e) when (prefix.Length > 0)
        {
            throw new DomainValidationException([.. e.Errors.Select(f => f with { Field = prefix + f.Field })]);
        }
    }
}
