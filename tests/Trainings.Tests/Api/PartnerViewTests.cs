using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>
/// A partner agency sees the trainings it may nominate to (a programme it nominates in, a quota naming it or
/// none) with what is left of the quotas that apply to it; other trainings are not offered to it at all.
/// </summary>
public sealed class PartnerViewTests(TrainingsTestHost host) : IClassFixture<TrainingsTestHost>
{
    private static readonly ServiceDefaults.Identity.CallerIdentity OutsiderPartner = VnPartner with { Subject = "la-1", OrganisationId = Outsider, CountryCode = "LA" };

    [Fact]
    public async Task APartnerIsNotOfferedTrainingsOfProgrammesItDoesNotNominateIn()
    {
        var training = await host.OpenTrainingAsync(NewTraining());

        var listed = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { Programme = Programme, PageSize = 1000 }, host.As(OutsiderPartner));
        var read = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = training.Name }, host.As(OutsiderPartner)));
        var member = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = training.Name }, host.As(VnPartner));

        Assert.DoesNotContain(listed.Trainings, t => t.Name == training.Name);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.Equal(training.Name, member.Name);
    }

    [Fact]
    public async Task APartnerSeesWhatIsLeftOfItsCountrysQuotaAndNotOtherCountriesWhileItsManagerSeesEveryQuota()
    {
        var training = await host.OpenTrainingAsync(NewTraining(quotas:
            [new Quota { Scope = QuotaScope.Country, Key = "VN", Seats = 2 }, new Quota { Scope = QuotaScope.Country, Key = "TH", Seats = 3 }]));
        await host.NominateAsync(training, "first@vncert.example");

        var afterOne = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = training.Name }, host.As(VnPartner));
        await host.NominateAsync(training, "second@vncert.example");
        var listed = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { Programme = Programme, PageSize = 1000 }, host.As(VnPartner));
        var asManager = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = training.Name }, host.As(Manager));

        var left = Assert.Single(afterOne.QuotasLeft);
        Assert.Equal(("VN", 2, 1, 1), (left.Key, left.Seats, left.Used, left.Left));
        var usedUp = Assert.Single(listed.Trainings.Single(t => t.Name == training.Name).QuotasLeft);
        Assert.Equal((2, 0), (usedUp.Used, usedUp.Left));
        Assert.Equal([("VN", 2, 0), ("TH", 0, 3)], asManager.QuotasLeft.Select(q => (q.Key, q.Used, q.Left)));
        var managerList = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { Programme = Programme, PageSize = 1000 }, host.As(Manager));
        Assert.Empty(managerList.Trainings.Single(t => t.Name == training.Name).QuotasLeft);
    }
}
