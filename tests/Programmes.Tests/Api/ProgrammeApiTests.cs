using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.Programmes.Tests.SampleProgrammes;

namespace CapacityHub.Programmes.Tests.Api;

public sealed class ProgrammeApiTests : IAsyncLifetime
{
    private readonly ProgrammeStoreFixture fixture = new();
    private readonly TestCallContext context = new();

    private ProgrammeService.ProgrammeServiceBase Api => fixture.Api;

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    private Task<Programme> CreateAsync(string code = "JPUS-ICS", string? requestId = null) =>
        Api.CreateProgramme(new CreateProgrammeRequest { Programme = IcsTraining(code), RequestId = requestId ?? Guid.NewGuid().ToString() }, context);

    private Task<Programme> StartAsync(Programme p) =>
        Api.StartImplementation(new ChangeProgrammeStatusRequest { Name = p.Name, EffectiveDate = D(2018, 4, 2) }, context);

    [Fact]
    public async Task CreateAssignsNameStatusIdsAndEtagAndGetReturnsTheSame()
    {
        var created = await CreateAsync();

        Assert.StartsWith("programmes/", created.Name);
        Assert.Equal(ActivityStatus.Pipeline, created.Status);
        Assert.Equal("r1", created.Results[0].ResultId);
        Assert.Equal("i1", created.Results[0].Indicators[0].IndicatorId);
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.Audit.CreateTime);

        var read = await Api.GetProgramme(new GetProgrammeRequest { Name = created.Name }, context);
        Assert.Equal(created, read);
        Assert.True(read.Results[0].Indicators[0].Periods[0].HasTarget);
        Assert.False(read.Results[0].Indicators[0].Periods[0].HasActual);
    }

    [Fact]
    public async Task RetryWithTheSameRequestIdReturnsTheFirstProgramme()
    {
        var first = await CreateAsync(requestId: "req-1");
        var retry = await CreateAsync(requestId: "req-1");

        Assert.Equal(first.Name, retry.Name);
        var all = await Api.ListProgrammes(new ListProgrammesRequest(), context);
        Assert.Single(all.Programmes);
    }

    [Fact]
    public async Task DuplicateCodeIsAlreadyExists()
    {
        await CreateAsync();
        var e = await Assert.ThrowsAsync<RpcException>(() => CreateAsync());
        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
        Assert.Contains("JPUS-ICS", e.Detail);
    }

    [Fact]
    public async Task InvalidProgrammeIsInvalidArgumentWithFieldViolations()
    {
        var p = IcsTraining();
        p.Title = "";
        p.RecipientCountries.Add("XX");
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            Api.CreateProgramme(new CreateProgrammeRequest { Programme = p }, context));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var fields = e.FieldViolations().Select(v => v.Field).ToList();
        Assert.Contains("request_id", fields);
        Assert.Contains("programme.title", fields);
        Assert.Contains("programme.recipient_countries", fields);
    }

    [Fact]
    public async Task MissingProgrammeIsNotFoundAndBadNameIsInvalidArgument()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Api.GetProgramme(new GetProgrammeRequest { Name = "programmes/nope" }, context));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => Api.GetProgramme(new GetProgrammeRequest { Name = "trainings/x" }, context));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal("name", Assert.Single(bad.FieldViolations()).Field);
    }

    [Fact]
    public async Task UpdateWithMaskChangesOnlyMaskedFieldsAndStaleEtagIsAborted()
    {
        var created = await CreateAsync();
        var change = new Programme { Name = created.Name, Etag = created.Etag, Title = "Renamed", Description = "ignored" };

        var updated = await Api.UpdateProgramme(new UpdateProgrammeRequest { Programme = change, UpdateMask = new FieldMask { Paths = { "title" } } }, context);

        Assert.Equal("Renamed", updated.Title);
        Assert.Equal("", updated.Description);
        Assert.Equal(created.Code, updated.Code);
        Assert.NotEqual(created.Etag, updated.Etag);

        var stale = await Assert.ThrowsAsync<RpcException>(() =>
            Api.UpdateProgramme(new UpdateProgrammeRequest { Programme = change, UpdateMask = new FieldMask { Paths = { "title" } } }, context));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    [Fact]
    public async Task UpdateMaskNamingStatusIsRejected()
    {
        var created = await CreateAsync();
        var e = await Assert.ThrowsAsync<RpcException>(() => Api.UpdateProgramme(new UpdateProgrammeRequest
        {
            Programme = new Programme { Name = created.Name, Status = ActivityStatus.Closed },
            UpdateMask = new FieldMask { Paths = { "status" } },
        }, context));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("update_mask.paths", e.FieldViolations()[0].Field);
    }

    [Fact]
    public async Task StatusVerbsFollowTheLifecycleAndExplainRefusals()
    {
        var created = await CreateAsync();
        var started = await StartAsync(created);
        Assert.Equal(ActivityStatus.Implementation, started.Status);
        Assert.Equal(D(2018, 4, 2), started.ActualPeriod.StartDate);

        var noReason = await Assert.ThrowsAsync<RpcException>(() => Api.SuspendProgramme(new ChangeProgrammeStatusRequest { Name = created.Name }, context));
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);

        var close = await Assert.ThrowsAsync<RpcException>(() => Api.CloseProgramme(new ChangeProgrammeStatusRequest { Name = created.Name }, context));
        Assert.Equal(StatusCode.FailedPrecondition, close.StatusCode);
        Assert.Contains("implementation", close.Detail);

        var suspended = await Api.SuspendProgramme(new ChangeProgrammeStatusRequest { Name = created.Name, Reason = "Funding review" }, context);
        Assert.Equal(ActivityStatus.Suspended, suspended.Status);
        Assert.Equal("Funding review", suspended.StatusReason);

        var delete = await Assert.ThrowsAsync<RpcException>(() => Api.DeleteProgramme(new DeleteProgrammeRequest { Name = created.Name }, context));
        Assert.Equal(StatusCode.FailedPrecondition, delete.StatusCode);
    }

    [Fact]
    public async Task PipelineProgrammeCanBeDeleted()
    {
        var created = await CreateAsync();
        await Api.DeleteProgramme(new DeleteProgrammeRequest { Name = created.Name, Etag = created.Etag }, context);
        var e = await Assert.ThrowsAsync<RpcException>(() => Api.GetProgramme(new GetProgrammeRequest { Name = created.Name }, context));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.Empty((await Api.ListProgrammes(new ListProgrammesRequest { Funder = Meti }, context)).Programmes);
    }

    [Fact]
    public async Task ListFiltersByStatusFunderCountryAndPages()
    {
        var a = await CreateAsync("A-1");
        await CreateAsync("B-2");
        var c = IcsTraining("C-3");
        c.RecipientCountries.Clear();
        c.RecipientCountries.Add("PH");
        await Api.CreateProgramme(new CreateProgrammeRequest { Programme = c, RequestId = "c" }, context);
        await StartAsync(a);

        var implementing = await Api.ListProgrammes(new ListProgrammesRequest { Status = ActivityStatus.Implementation }, context);
        Assert.Equal(["A-1"], implementing.Programmes.Select(p => p.Code));

        var inPhilippines = await Api.ListProgrammes(new ListProgrammesRequest { RecipientCountry = "PH", Funder = Meti }, context);
        Assert.Equal(["C-3"], inPhilippines.Programmes.Select(p => p.Code));

        var fundedImplementing = await Api.ListProgrammes(new ListProgrammesRequest { Funder = Meti, Status = ActivityStatus.Implementation }, context);
        Assert.Equal(["A-1"], fundedImplementing.Programmes.Select(p => p.Code));

        var page1 = await Api.ListProgrammes(new ListProgrammesRequest { PageSize = 2 }, context);
        var page2 = await Api.ListProgrammes(new ListProgrammesRequest { PageSize = 2, PageToken = page1.NextPageToken }, context);
        Assert.Equal(["A-1", "B-2", "C-3"], page1.Programmes.Concat(page2.Programmes).Select(p => p.Code));
        Assert.Equal("", page2.NextPageToken);

        var badToken = await Assert.ThrowsAsync<RpcException>(() => Api.ListProgrammes(new ListProgrammesRequest { PageToken = "garbage" }, context));
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
    }

    [Fact]
    public async Task ListSearchesTitleAndCodeIgnoringCaseWithAndWithoutOtherFilters()
    {
        await CreateAsync("JPUS-ICS");
        var asean = IcsTraining("AJ-CCB");
        asean.Title = "ASEAN-Japan Cybersecurity Capacity Building (JAIF)";
        asean.RecipientCountries.Clear();
        asean.RecipientCountries.Add("PH");
        await Api.CreateProgramme(new CreateProgrammeRequest { Programme = asean, RequestId = "aj" }, context);

        async Task<string[]> Codes(ListProgrammesRequest request) => [.. (await Api.ListProgrammes(request, context)).Programmes.Select(p => p.Code)];

        Assert.Equal(["AJ-CCB"], await Codes(new ListProgrammesRequest { Query = "jaif" }));
        Assert.Equal(["JPUS-ICS"], await Codes(new ListProgrammesRequest { Query = "jpus" }));
        Assert.Equal(["AJ-CCB", "JPUS-ICS"], await Codes(new ListProgrammesRequest { Query = "cyber" }));
        Assert.Equal(["AJ-CCB"], await Codes(new ListProgrammesRequest { Query = "cyber", RecipientCountry = "PH" }));
        Assert.Empty(await Codes(new ListProgrammesRequest { Query = "industrial", RecipientCountry = "PH" }));

        var bad = await Assert.ThrowsAsync<RpcException>(() => Api.ListProgrammes(new ListProgrammesRequest { Query = new string('q', 101) }, context));
        Assert.Equal("query", Assert.Single(bad.FieldViolations()).Field);
    }

    [Fact]
    public async Task ParticipantsCanBeAddedOnceAndFundersCannotBeRemovedWhileBudgeted()
    {
        var created = await CreateAsync();
        var added = await Api.AddParticipatingOrganisation(new AddParticipatingOrganisationRequest
        {
            Name = created.Name,
            ParticipatingOrganisation = new ParticipatingOrganisation { Organisation = "organisations/vncert", Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
        }, context);
        Assert.Equal(4, added.ParticipatingOrganisations.Count);

        var again = await Assert.ThrowsAsync<RpcException>(() => Api.AddParticipatingOrganisation(new AddParticipatingOrganisationRequest
        {
            Name = created.Name,
            ParticipatingOrganisation = new ParticipatingOrganisation { Organisation = "organisations/vncert", Role = OrganisationRole.Extending },
        }, context));
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);

        var funder = await Assert.ThrowsAsync<RpcException>(() => Api.RemoveParticipatingOrganisation(new RemoveParticipatingOrganisationRequest { Name = created.Name, Organisation = Meti }, context));
        Assert.Equal(StatusCode.FailedPrecondition, funder.StatusCode);

        var removed = await Api.RemoveParticipatingOrganisation(new RemoveParticipatingOrganisationRequest { Name = created.Name, Organisation = "organisations/vncert" }, context);
        Assert.Equal(3, removed.ParticipatingOrganisations.Count);
        var byParticipant = await Api.ListProgrammes(new ListProgrammesRequest { Participant = "organisations/vncert" }, context);
        Assert.Empty(byParticipant.Programmes);
    }

    [Fact]
    public async Task ListsTheProgrammesAnOrganisationMayNominateInByTheSameRuleAsTheTrainingWindow()
    {
        var created = await CreateAsync();

        var etda = await Api.ListProgrammes(new ListProgrammesRequest { Participant = Etda, ParticipantMayNominate = true }, context);
        var meti = await Api.ListProgrammes(new ListProgrammesRequest { Participant = Meti, ParticipantMayNominate = true }, context);
        var metiAnyRole = await Api.ListProgrammes(new ListProgrammesRequest { Participant = Meti }, context);
        var window = await Api.CheckTrainingWindow(new CheckTrainingWindowRequest
        {
            Programme = created.Name,
            TrainingDates = Range(D(2018, 9, 10), D(2018, 9, 14)),
            Organisations = { Etda, Meti },
        }, context);
        var noParticipant = await Assert.ThrowsAsync<RpcException>(() => Api.ListProgrammes(new ListProgrammesRequest { ParticipantMayNominate = true }, context));

        Assert.Equal([created.Name], etda.Programmes.Select(p => p.Name));
        Assert.Empty(meti.Programmes);
        Assert.Equal([created.Name], metiAnyRole.Programmes.Select(p => p.Name));
        Assert.Equal([true, false], window.Organisations.Select(o => o.MayNominate));
        Assert.Equal(StatusCode.InvalidArgument, noParticipant.StatusCode);
        Assert.Equal("participant_may_nominate", Assert.Single(noParticipant.FieldViolations()).Field);
    }

    [Fact]
    public async Task CheckTrainingWindowReportsStatusPeriodAndParticipation()
    {
        var created = await CreateAsync();
        var request = new CheckTrainingWindowRequest
        {
            Programme = created.Name,
            TrainingDates = Range(D(2018, 9, 10), D(2018, 9, 14)),
            Organisations = { Etda, "organisations/stranger" },
        };

        var before = await Api.CheckTrainingWindow(request, context);
        Assert.False(before.Allowed);
        Assert.Contains(before.Problems, p => p.Contains("pipeline", StringComparison.Ordinal));

        await StartAsync(created);
        var after = await Api.CheckTrainingWindow(request, context);
        Assert.True(after.Allowed);
        Assert.True(after.Organisations[0].MayNominate);
        Assert.False(after.Organisations[1].Participates);

        var missing = await Assert.ThrowsAsync<RpcException>(() => Api.CheckTrainingWindow(new CheckTrainingWindowRequest
        {
            Programme = "programmes/none",
            TrainingDates = Range(D(2018, 9, 10), D(2018, 9, 14)),
        }, context));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task IndicatorActualsAreRecordedForAnExistingPeriodOnly()
    {
        var created = await CreateAsync();
        var request = new UpdateIndicatorActualsRequest
        {
            Name = created.Name,
            ResultId = "r1",
            IndicatorId = "i1",
            Period = Range(D(2018, 4, 1), D(2019, 3, 31)),
            Actual = 28,
            ActualBySex = { new SexBreakdown { Sex = Sex.Female, Value = 11 }, new SexBreakdown { Sex = Sex.Male, Value = 17 } },
        };

        var updated = await Api.UpdateIndicatorActuals(request, context);
        var period = updated.Results[0].Indicators[0].Periods[0];
        Assert.Equal(28, period.Actual);
        Assert.Equal(2, period.ActualBySex.Count);

        request.Period = Range(D(2019, 4, 1), D(2020, 3, 31));
        var missing = await Assert.ThrowsAsync<RpcException>(() => Api.UpdateIndicatorActuals(request, context));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }
}
