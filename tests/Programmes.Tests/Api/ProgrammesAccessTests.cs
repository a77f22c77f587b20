using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using static CapacityHub.Programmes.Tests.SampleProgrammes;
using static CapacityHub.TestSupport.TestCallers;

namespace CapacityHub.Programmes.Tests.Api;

/// <summary>The service's own authorisation (defence in depth): each rule allowed and denied, through the Api.</summary>
public sealed class ProgrammesAccessTests : IAsyncLifetime
{
    private readonly ProgrammeStoreFixture fixture = new();

    private ProgrammeService.ProgrammeServiceBase Api => fixture.Api;

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    private Task<Programme> CreateAsync(CallerIdentity caller, string code = "JPUS-ICS") =>
        Api.CreateProgramme(new CreateProgrammeRequest { Programme = IcsTraining(code), RequestId = Guid.NewGuid().ToString() }, new TestCallContext(caller));

    private static async Task<RpcException> DeniedAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        return e;
    }

    private static string IdOf(Programme p) => p.Name["programmes/".Length..];

    [Fact]
    public async Task AdministratorsServicesAndManagersReadEveryProgramme()
    {
        var created = await CreateAsync(Administrator);

        foreach (var caller in new[] { Administrator, TrainingsService, OtherManager() })
        {
            Assert.Equal(created.Name, (await Api.GetProgramme(new GetProgrammeRequest { Name = created.Name }, new TestCallContext(caller))).Name);
            Assert.Single((await Api.ListProgrammes(new ListProgrammesRequest(), new TestCallContext(caller))).Programmes);
        }
    }

    [Fact]
    public async Task FundersSeeOnlyTheProgrammesTheirOrganisationFunds()
    {
        var funded = await CreateAsync(Administrator, "JPUS-ICS");
        var other = IcsTraining("OTHER-1");
        other.ParticipatingOrganisations[0].Organisation = "organisations/mofa-jp";
        other.Budgets.Clear();
        other.FunderShares.Clear();
        var unfunded = await Api.CreateProgramme(new CreateProgrammeRequest { Programme = other, RequestId = "other" }, new TestCallContext());
        var meti = new TestCallContext(Funder("meti"));

        var list = await Api.ListProgrammes(new ListProgrammesRequest(), meti);
        var read = await Api.GetProgramme(new GetProgrammeRequest { Name = funded.Name }, meti);
        var e = await DeniedAsync(() => Api.GetProgramme(new GetProgrammeRequest { Name = unfunded.Name }, meti));

        Assert.Equal([funded.Name], list.Programmes.Select(p => p.Name));
        Assert.Equal(funded.Name, read.Name);
        Assert.Contains("Funder", e.Detail);
        Assert.Contains("OTHER-1", e.Detail);
    }

    [Fact]
    public async Task AFunderParticipatingInAnotherRoleIsNotAFunder()
    {
        var created = await CreateAsync(Administrator);

        Assert.Empty((await Api.ListProgrammes(new ListProgrammesRequest(), new TestCallContext(Funder("etda")))).Programmes);
        await DeniedAsync(() => Api.GetProgramme(new GetProgrammeRequest { Name = created.Name }, new TestCallContext(Funder("etda"))));
    }

    [Fact]
    public async Task PartnersSeeTheProgrammesTheyParticipateIn()
    {
        var created = await CreateAsync(Administrator);

        var etda = await Api.ListProgrammes(new ListProgrammesRequest(), new TestCallContext(Partner("organisations/etda")));
        var stranger = await Api.ListProgrammes(new ListProgrammesRequest(), new TestCallContext(Partner("vncert")));
        var e = await DeniedAsync(() => Api.GetProgramme(new GetProgrammeRequest { Name = created.Name }, new TestCallContext(Partner("vncert"))));

        Assert.Equal([created.Name], etda.Programmes.Select(p => p.Name));
        Assert.Empty(stranger.Programmes);
        Assert.Contains("PartnerAgency", e.Detail);
    }

    [Fact]
    public async Task OnlyManagersAndAdministratorsCreate()
    {
        Assert.NotEmpty((await CreateAsync(Manager(), "BY-MANAGER")).Name);
        var e = await DeniedAsync(() => CreateAsync(Funder("meti"), "BY-FUNDER"));
        await DeniedAsync(() => CreateAsync(Partner("etda"), "BY-PARTNER"));
        await DeniedAsync(() => CreateAsync(TrainingsService, "BY-SERVICE"));

        Assert.Contains("create programmes", e.Detail);
    }

    [Fact]
    public async Task AManagerChangesOnlyTheProgrammesItManagesOrCreated()
    {
        var byAdmin = await CreateAsync(Administrator, "ADMIN-1");
        var byManager = await CreateAsync(Manager(), "MANAGER-1");
        var change = new ChangeProgrammeStatusRequest { EffectiveDate = D(2018, 4, 2) };

        var viaToken = await Api.StartImplementation(new ChangeProgrammeStatusRequest(change) { Name = byAdmin.Name }, new TestCallContext(Manager(IdOf(byAdmin))));
        var asCreator = await Api.StartImplementation(new ChangeProgrammeStatusRequest(change) { Name = byManager.Name }, new TestCallContext(Manager()));
        var e = await DeniedAsync(() => Api.SuspendProgramme(
            new ChangeProgrammeStatusRequest { Name = byManager.Name, Reason = "not mine" }, new TestCallContext(OtherManager())));

        Assert.Equal(ActivityStatus.Implementation, viaToken.Status);
        Assert.Equal(ActivityStatus.Implementation, asCreator.Status);
        Assert.Equal("manager-1", asCreator.Audit.CreatedBy);
        Assert.Contains("ProgrammeManager", e.Detail);
        Assert.Contains("MANAGER-1", e.Detail);
    }

    [Fact]
    public async Task EveryWriteRefusesManagersOfOtherProgrammesFundersAndPartners()
    {
        var created = await CreateAsync(Administrator);
        var callers = new[] { OtherManager(), Funder("meti"), Partner("etda"), TrainingsService };

        foreach (var caller in callers)
        {
            var context = new TestCallContext(caller);
            var update = created.Clone();
            update.Title = "Taken over";
            await DeniedAsync(() => Api.UpdateProgramme(new UpdateProgrammeRequest { Programme = update }, context));
            await DeniedAsync(() => Api.DeleteProgramme(new DeleteProgrammeRequest { Name = created.Name }, context));
            await DeniedAsync(() => Api.CancelProgramme(new ChangeProgrammeStatusRequest { Name = created.Name, Reason = "x" }, context));
            await DeniedAsync(() => Api.AddParticipatingOrganisation(new AddParticipatingOrganisationRequest
            {
                Name = created.Name,
                ParticipatingOrganisation = new ParticipatingOrganisation { Organisation = "organisations/vncert", Role = OrganisationRole.Implementing },
            }, context));
            await DeniedAsync(() => Api.RemoveParticipatingOrganisation(new RemoveParticipatingOrganisationRequest { Name = created.Name, Organisation = Etda }, context));
            await DeniedAsync(() => Api.UpdateIndicatorActuals(new UpdateIndicatorActualsRequest
            {
                Name = created.Name,
                ResultId = "r1",
                IndicatorId = "i1",
                Period = created.Results[0].Indicators[0].Periods[0].Period,
                Actual = 1,
            }, context));
        }

        var stored = await Api.GetProgramme(new GetProgrammeRequest { Name = created.Name }, new TestCallContext());
        Assert.Equal(created, stored);
    }

    [Fact]
    public async Task TrainingWindowChecksAreForServicesManagersAndAdministrators()
    {
        var created = await CreateAsync(Administrator);
        var check = new CheckTrainingWindowRequest { Programme = created.Name, TrainingDates = Range(D(2018, 9, 10), D(2018, 9, 14)) };

        foreach (var caller in new[] { TrainingsService, OtherManager(), Administrator })
        {
            Assert.NotNull(await Api.CheckTrainingWindow(check, new TestCallContext(caller)));
        }

        await DeniedAsync(() => Api.CheckTrainingWindow(check, new TestCallContext(Funder("meti"))));
        await DeniedAsync(() => Api.CheckTrainingWindow(check, new TestCallContext(Partner("etda"))));
    }
}
