using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>The queue's decisions, checked against the trainings the caller manages before the Trainings service is asked.</summary>
public static class NominationDecisions
{
    public static readonly IReadOnlyList<(string Value, string Text, NominationDecision Decision)> Choices =
    [
        ("approve", "Approve (seat, or waitlist when full)", NominationDecision.Approve),
        ("waitlist", "Put on the waitlist", NominationDecision.Waitlist),
        ("decline", "Decline (give a reason)", NominationDecision.Decline),
        ("book", "Book (approved ones only)", NominationDecision.Book),
    ];

    public static async Task<Nomination> DecideOneAsync(WebRequest request, NominationDecisionForm form)
    {
        await ManagedProgrammes.TrainingAsync(request, TrainingIdOf(form.Nomination ?? ""));
        var change = new ChangeNominationStatusRequest { Name = form.Nomination ?? "", Etag = form.Etag ?? "", Reason = form.Reason?.Trim() ?? "" };
        var options = new CallOptions(cancellationToken: request.Aborted);
        return form.Decision == "approve"
            ? await request.Services.NominationClient.ApproveNominationAsync(change, options)
            : await request.Services.NominationClient.DeclineNominationAsync(change, options);
    }

    /// <summary>One BatchDecideNominations call: every ticked nomination is decided, or none is.</summary>
    public static async Task<IReadOnlyList<Nomination>> DecideManyAsync(WebRequest request, BulkDecisionForm form, IReadOnlyList<string> selected)
    {
        var training = await ManagedProgrammes.TrainingAsync(request, Formats.Id(form.Training ?? ""));
        if (selected.Count == 0)
        {
            throw RpcException.InvalidArgument("Tick at least one nomination for the decision.", new FieldViolation("names", "tick at least one nomination"));
        }

        var choice = Choices.FirstOrDefault(c => c.Value == form.Decision);
        if (choice.Value is null)
        {
            throw RpcException.InvalidArgument("Choose a decision.", new FieldViolation("decision", "must be one of approve, waitlist, decline, book"));
        }

        var batch = new BatchDecideNominationsRequest { Parent = training.Name, Decision = choice.Decision, Reason = form.Reason?.Trim() ?? "" };
        batch.Names.AddRange(selected);
        var decided = await request.Services.NominationClient.BatchDecideNominationsAsync(batch, new CallOptions(cancellationToken: request.Aborted));
        return decided.Nominations;
    }

    /// <summary>"trainings/{t}/nominations/{n}" gives t.</summary>
    public static string TrainingIdOf(string nomination)
    {
        var parts = nomination.Split('/');
        return parts.Length == 4 && parts[0] == "trainings" && parts[2] == "nominations" ? parts[1]
            : throw RpcException.InvalidArgument($"Invalid nomination \"{nomination}\".", new FieldViolation("nomination", "must be trainings/{id}/nominations/{id}"));
    }
}
