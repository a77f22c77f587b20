using CapacityHub.Trainings.V1;
using Grpc.Core;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>BatchDecideNominations over real gRPC: one decision over a selection, all or none, by whom.</summary>
public sealed class BatchDecisionTests : IAsyncLifetime
{
    private readonly TrainingsTestHost host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    private Task<BatchDecideNominationsResponse> DecideAsync(Training training, NominationDecision decision, IEnumerable<string> names, Identity? who = null, string reason = "")
    {
        var request = new BatchDecideNominationsRequest { Parent = training.Name, Decision = decision, Reason = reason };
        request.Names.AddRange(names);
        return host.Nominations.BatchDecideNominationsAsync(request, host.As(who?.Caller ?? Manager)).ResponseAsync;
    }

    private async Task<NominationStatus> StatusOf(Nomination nomination) =>
        (await host.Nominations.GetNominationAsync(new GetNominationRequest { Name = nomination.Name }, host.As(Manager))).Status;

    private static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }

    [Fact]
    public async Task ApprovingMoreThanTheSeatsFillsThemInOrderThenTheWaitlist()
    {
        var training = await host.OpenTrainingAsync(NewTraining(seats: 2, waitlist: 5));
        var people = new List<Nomination>();
        foreach (var email in new[] { "a@vncert.example", "b@vncert.example", "c@vncert.example" })
        {
            people.Add(await host.NominateAsync(training, email));
        }

        var decided = await DecideAsync(training, NominationDecision.Approve, people.Select(p => p.Name));

        Assert.Equal(people.Select(p => p.Name), decided.Nominations.Select(n => n.Name));
        Assert.Equal([NominationStatus.Approved, NominationStatus.Approved, NominationStatus.Waitlisted], decided.Nominations.Select(n => n.Status));
    }

    [Fact]
    public async Task OneNominationTheDecisionDoesNotFitLeavesEveryOneAsItWas()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var a = await host.NominateAsync(training, "a@vncert.example");
        var b = await host.NominateAsync(training, "b@vncert.example");
        await DecideAsync(training, NominationDecision.Decline, [b.Name], reason: "Not in the target sector.");

        var error = await Fails(StatusCode.FailedPrecondition, () => DecideAsync(training, NominationDecision.Waitlist, [a.Name, b.Name]));

        Assert.Contains("names[1]", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(NominationStatus.Nominated, await StatusOf(a));
        Assert.Equal(NominationStatus.Declined, await StatusOf(b));
        await DecideAsync(training, NominationDecision.Waitlist, [a.Name]);
        Assert.Equal(NominationStatus.Waitlisted, await StatusOf(a));
    }

    [Fact]
    public async Task BadSelectionsAreRefusedNamingTheField()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var other = await host.OpenTrainingAsync(NewTraining());
        var a = await host.NominateAsync(training, "a@vncert.example");
        var elsewhere = await host.NominateAsync(other, "x@vncert.example");

        var foreign = await Fails(StatusCode.InvalidArgument, () => DecideAsync(training, NominationDecision.Approve, [elsewhere.Name]));
        var twice = await Fails(StatusCode.InvalidArgument, () => DecideAsync(training, NominationDecision.Approve, [a.Name, a.Name]));
        var none = await Fails(StatusCode.InvalidArgument, () => DecideAsync(training, NominationDecision.Approve, []));
        var unknown = await Fails(StatusCode.InvalidArgument, () => DecideAsync(training, NominationDecision.Unspecified, [a.Name]));
        var noReason = await Assert.ThrowsAsync<RpcException>(() => DecideAsync(training, NominationDecision.Decline, [a.Name]));

        Assert.Contains("names[0]", foreign.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("names[1]", twice.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("names", none.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("decision", unknown.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("reason", noReason.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NominationStatus.Nominated, await StatusOf(a));
    }

    [Fact]
    public async Task PartnersMayBookTheirOwnApprovedPeopleButDecideNothing()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var vn = await host.NominateAsync(training, "a@vncert.example");
        var th = await host.NominateAsync(training, "t@thaicert.example", ThaiPartner, ThaiCert, "TH");
        await DecideAsync(training, NominationDecision.Approve, [vn.Name, th.Name]);

        await Fails(StatusCode.PermissionDenied, () => DecideAsync(training, NominationDecision.Approve, [vn.Name], new(VnPartner)));
        await Fails(StatusCode.PermissionDenied, () => DecideAsync(training, NominationDecision.Book, [vn.Name, th.Name], new(VnPartner)));
        var booked = await DecideAsync(training, NominationDecision.Book, [vn.Name], new(VnPartner));
        await Fails(StatusCode.PermissionDenied, () => DecideAsync(training, NominationDecision.Book, [th.Name], new(Funder)));

        Assert.Equal(NominationStatus.Booked, Assert.Single(booked.Nominations).Status);
        Assert.Equal(NominationStatus.Approved, await StatusOf(th));
    }

    /// <summary>Who calls, when not the programme's manager.</summary>
    private sealed record Identity(ServiceDefaults.Identity.CallerIdentity Caller);
}
