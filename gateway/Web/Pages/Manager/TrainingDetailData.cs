using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>One managed training with its programme's title and its participants, and the changes its page makes.</summary>
public sealed class TrainingDetailData(NameDirectory names)
{
    private static readonly (string Verb, string Label, TrainingStatus[] From)[] Verbs =
    [
        ("open", "Open nominations", [TrainingStatus.Planned]),
        ("confirm", "Confirm training", [TrainingStatus.OpenForNomination]),
        ("start", "Start training", [TrainingStatus.Confirmed]),
        ("complete", "Complete training", [TrainingStatus.InProgress]),
    ];

    public sealed record View(Training Training, string ProgrammeTitle, IReadOnlyList<Nomination> Nominations);

    public NameDirectory Names => names;

    /// <summary>The verbs the training's status allows; cancelling needs a reason.</summary>
    public static IEnumerable<(string Verb, string Label, bool WithReason)> VerbsFor(TrainingStatus status) =>
        Verbs.Where(v => v.From.Contains(status)).Select(v => (v.Verb, v.Label, false))
            .Concat(status is TrainingStatus.Planned or TrainingStatus.OpenForNomination or TrainingStatus.Confirmed ? [("cancel", "Cancel training", true)] : []);

    public async Task<View> LoadAsync(WebRequest request, string id)
    {
        var training = await ManagedProgrammes.TrainingAsync(request, id);
        var options = new CallOptions(cancellationToken: request.Aborted);
        var programme = request.Services.ProgrammeClient.GetProgrammeAsync(new GetProgrammeRequest { Name = training.Programme }, options).ResponseAsync;
        var nominations = new List<Nomination>();
        var token = "";
        do
        {
            var page = await request.Services.NominationClient.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name, PageSize = 500, PageToken = token }, options);
            nominations.AddRange(page.Nominations);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        await names.LoadOrganisationsAsync(nominations.Select(n => n.NominatingOrganisation), request.Aborted);
        return new View(training, (await programme).Title, nominations.OrderBy(n => n.Participant?.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    public static async Task AddDayAsync(WebRequest request, Training training, IFormCollection form) =>
        await request.Services.TrainingClient.AddSessionDayAsync(new AddSessionDayRequest
        {
            Name = training.Name,
            SessionDay = TrainingForms.SessionDay(form),
            Etag = form["etag"].ToString(),
            RequestId = form["request_id"].ToString(),
        }, new CallOptions(cancellationToken: request.Aborted));

    /// <summary>False when the day is no longer part of the training (removed in another tab).</summary>
    public static async Task<bool> RemoveDayAsync(WebRequest request, Training training, IFormCollection form)
    {
        var day = form["session_day"].ToString();
        if (!training.SessionDays.Any(d => d.Name == day))
        {
            return false;
        }

        await request.Services.TrainingClient.RemoveSessionDayAsync(new RemoveSessionDayRequest { Name = day, Etag = form["etag"].ToString() }, new CallOptions(cancellationToken: request.Aborted));
        return true;
    }

    public static async Task ChangeStatusAsync(WebRequest request, Training training, IFormCollection form)
    {
        var change = new ChangeTrainingStatusRequest { Name = training.Name, Etag = form["etag"].ToString(), Reason = form["reason"].ToString().Trim() };
        var client = request.Services.TrainingClient;
        var options = new CallOptions(cancellationToken: request.Aborted);
        _ = form["verb"].ToString() switch
        {
            "open" => await client.OpenNominationsAsync(change, options),
            "confirm" => await client.ConfirmTrainingAsync(change, options),
            "start" => await client.StartTrainingAsync(change, options),
            "complete" => await client.CompleteTrainingAsync(change, options),
            "cancel" => await client.CancelTrainingAsync(change, options),
            var other => throw RpcException.InvalidArgument($"Unknown action \"{other}\".", new FieldViolation("verb", "must be open, confirm, start, complete or cancel")),
        };
    }
}
