using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>Concurrent writers over real HTTP/2: the counters decide, so seats and quotas are never overfilled.</summary>
public sealed class SeatRaceTests(TrainingsTestHost host) : IClassFixture<TrainingsTestHost>
{
    [Fact]
    public async Task TwoApprovalsRacingForTheLastSeatSeatExactlyOne()
    {
        var training = await host.OpenTrainingAsync(NewTraining(seats: 1, waitlist: 1));
        var first = await host.NominateAsync(training, "kim@vncert.example");
        var second = await host.NominateAsync(training, "lan@vncert.example");

        var outcomes = await Task.WhenAll(new[] { first, second }.Select(n => Task.Run(async () =>
            await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = n.Name }, host.As(Manager)))));
        var after = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = training.Name }, host.As(Manager));

        Assert.Equal(1, outcomes.Count(n => n.Status == NominationStatus.Approved));
        Assert.Equal(1, outcomes.Count(n => n.Status == NominationStatus.Waitlisted));
        Assert.Equal(1, after.SeatsTaken);
        Assert.Equal(1, after.Waitlisted);
    }

    [Fact]
    public async Task NominationsRacingForTheLastQuotaPlaceAdmitExactlyOne()
    {
        var training = await host.OpenTrainingAsync(NewTraining(quotas: new Quota { Scope = QuotaScope.Country, Key = "VN", Seats = 1 }));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                return (Nomination?)await host.NominateAsync(training, $"racer{i}@vncert.example");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                Assert.Contains("quota for country VN is used up", e.Detail, StringComparison.Ordinal);
                return null;
            }
        })));
        var listed = await host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name }, host.As(Manager));

        Assert.Single(attempts, a => a is not null);
        Assert.Single(listed.Nominations);
    }

    [Fact]
    public async Task TheSamePersonNominatedTwiceAtOnceIsStoredOnceAndRefusedOnce()
    {
        var training = await host.OpenTrainingAsync(NewTraining());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await host.NominateAsync(training, "twice@vncert.example")).Name;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                Assert.Contains("already nominated", e.Detail, StringComparison.Ordinal);
                return null;
            }
        })));

        Assert.Single(attempts, a => a is not null);
    }

    [Fact]
    public async Task AWithdrawnPersonMayBeNominatedAgain()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var first = await host.NominateAsync(training, "again@vncert.example");
        await host.Nominations.WithdrawNominationAsync(new ChangeNominationStatusRequest { Name = first.Name, Reason = "Wrong course" }, host.As(VnPartner));

        var second = await host.NominateAsync(training, "again@vncert.example");

        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(NominationStatus.Nominated, second.Status);
    }
}
