using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>
/// Free text has limits (names 200, e-mail 254, narratives 10,000 characters) and one-line fields take no line
/// breaks: a 900 KB participant name once made a manager's page 2.8 MB.
/// </summary>
public sealed class TextLimitTests(TrainingsTestHost host) : IClassFixture<TrainingsTestHost>
{
    [Fact]
    public async Task AHugeParticipantNameIsRefusedNamingTheField()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var nomination = Person("huge@vncert.example");
        nomination.Participant.DisplayName = new string('A', 900_000);

        var error = await Nominate(training, nomination);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.FieldViolations(), v => v.Field == "nomination.participant.name" && v.Description.Contains("200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LineBreaksInOneLineFieldsAreRefused()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var nomination = Person("two-lines@vncert.example");
        nomination.Participant.DisplayName = "Nguyen\nVan An";
        nomination.Participant.JobTitle = "Analyst\tLead";
        var badTraining = NewTraining();
        badTraining.Title = "Incident response\nfundamentals";

        var nominationError = await Nominate(training, nomination);
        var trainingError = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Trainings.CreateTrainingAsync(new CreateTrainingRequest { Training = badTraining, RequestId = Guid.NewGuid().ToString() }, host.As(Manager)).ResponseAsync);

        Assert.Contains(nominationError.FieldViolations(), v => v.Field == "nomination.participant.name");
        Assert.Contains(nominationError.FieldViolations(), v => v.Field == "nomination.participant.job_title");
        Assert.Equal(StatusCode.InvalidArgument, trainingError.StatusCode);
        Assert.Contains(trainingError.FieldViolations(), v => v.Field.EndsWith("title", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALongDeclineReasonIsRefused()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var nominated = await host.NominateAsync(training, "declined@vncert.example");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Nominations.DeclineNominationAsync(
            new ChangeNominationStatusRequest { Name = nominated.Name, Reason = new string('r', 2_001) }, host.As(Manager)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.FieldViolations(), v => v.Field == "reason");
    }

    private async Task<RpcException> Nominate(Training training, Nomination nomination) =>
        await Assert.ThrowsAsync<RpcException>(async () => await host.Nominations.NominateAsync(
            new NominateRequest { Parent = training.Name, Nomination = nomination, RequestId = Guid.NewGuid().ToString() }, host.As(VnPartner)).ResponseAsync);
}
