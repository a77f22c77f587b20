using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Partners.Tests.Api;

public sealed class PartnerApiTests : IAsyncLifetime
{
    private readonly PartnerStoreFixture fixture = new();
    private readonly TestCallContext context = new();

    private PartnerService.PartnerServiceBase Api => fixture.Api;

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    private Task<Organisation> CreateAsync(Organisation o, string? requestId = null) =>
        Api.CreateOrganisation(new CreateOrganisationRequest { Organisation = o, RequestId = requestId ?? Guid.NewGuid().ToString() }, context);

    [Fact]
    public async Task CreateAndGetRoundTripEveryField()
    {
        var created = await CreateAsync(SamplePartners.Cert());

        Assert.StartsWith("organisations/", created.Name);
        Assert.Equal(OrganisationStatus.Active, created.Status);
        Assert.Equal("Viet Nam", created.CountryDisplayName);
        Assert.NotEmpty(created.Etag);
        var read = await Api.GetOrganisation(new GetOrganisationRequest { Name = created.Name }, context);
        Assert.Equal(created, read);
        Assert.Equal(FocalPointRole.Nominations, read.Contacts[0].Roles[1]);
    }

    [Fact]
    public async Task RetriedCreateReturnsTheFirstAndDuplicateIatiIsAlreadyExists()
    {
        var first = await CreateAsync(SamplePartners.Cert(), "r-1");
        var retry = await CreateAsync(SamplePartners.Cert(), "r-1");
        Assert.Equal(first.Name, retry.Name);

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(SamplePartners.Cert()));
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        Assert.Contains("VN-VNCERT", duplicate.Detail);
    }

    [Fact]
    public async Task InvalidOrganisationListsFieldViolations()
    {
        var o = SamplePartners.Cert();
        o.CountryCode = "ZZ";
        var e = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(o));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("organisation.country_code", Assert.Single(e.FieldViolations()).Field);
    }

    [Fact]
    public async Task OversizedOrMultiLineTextIsRefusedNamingTheFieldAndNothingIsStored()
    {
        var o = SamplePartners.Cert();
        o.DisplayName = new string('x', 900_000);
        o.Contacts[0].FullName = "Nguyen\nVan A";
        o.Contacts[0].JobTitle = new string('y', 201);

        var e = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(o));
        var listed = await Api.ListOrganisations(new ListOrganisationsRequest(), context);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(
            ["organisation.display_name", "organisation.contacts[0].full_name", "organisation.contacts[0].job_title"],
            e.FieldViolations().Select(v => v.Field));
        Assert.Contains("300", e.FieldViolations()[0].Description, StringComparison.Ordinal);
        Assert.Contains("single line", e.FieldViolations()[1].Description, StringComparison.Ordinal);
        Assert.Empty(listed.Organisations);
    }

    [Fact]
    public async Task ListFiltersByCountryTypeAndRegionInNameOrder()
    {
        await CreateAsync(SamplePartners.Cert());
        await CreateAsync(SamplePartners.Cert("Electronic Transactions Development Agency", "TH-ETDA", "TH"));
        await CreateAsync(SamplePartners.Ministry());

        var asean = await Api.ListOrganisations(new ListOrganisationsRequest { RegionGroup = RegionGroup.Asean }, context);
        Assert.Equal(["Electronic Transactions Development Agency", "Vietnam Computer Emergency Response Team"], asean.Organisations.Select(o => o.DisplayName));

        var thaiCerts = await Api.ListOrganisations(new ListOrganisationsRequest { CountryCode = "TH", Type = OrganisationType.Csirt }, context);
        Assert.Equal("TH-ETDA", Assert.Single(thaiCerts.Organisations).IatiIdentifier);

        var page1 = await Api.ListOrganisations(new ListOrganisationsRequest { PageSize = 2 }, context);
        var page2 = await Api.ListOrganisations(new ListOrganisationsRequest { PageSize = 2, PageToken = page1.NextPageToken }, context);
        Assert.Equal(3, page1.Organisations.Count + page2.Organisations.Count);
        Assert.Equal("", page2.NextPageToken);

        var bad = await Assert.ThrowsAsync<RpcException>(() => Api.ListOrganisations(new ListOrganisationsRequest { CountryCode = "Japan" }, context));
        Assert.Equal("country_code", Assert.Single(bad.FieldViolations()).Field);
    }

    [Fact]
    public async Task UpdateHonoursMaskAndEtag()
    {
        var created = await CreateAsync(SamplePartners.Cert());
        var change = new Organisation { Name = created.Name, Etag = created.Etag, Status = OrganisationStatus.Inactive, Acronym = "ignored" };

        var updated = await Api.UpdateOrganisation(new UpdateOrganisationRequest { Organisation = change, UpdateMask = new FieldMask { Paths = { "status" } } }, context);

        Assert.Equal(OrganisationStatus.Inactive, updated.Status);
        Assert.Equal("VNCERT/CC", updated.Acronym);
        var stale = await Assert.ThrowsAsync<RpcException>(() =>
            Api.UpdateOrganisation(new UpdateOrganisationRequest { Organisation = change, UpdateMask = new FieldMask { Paths = { "status" } } }, context));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    [Fact]
    public async Task BatchGetAnswersInOrderAndReportsMissing()
    {
        var a = await CreateAsync(SamplePartners.Cert());
        var b = await CreateAsync(SamplePartners.Ministry());

        var both = await Api.BatchGetOrganisations(new BatchGetOrganisationsRequest { Names = { b.Name, a.Name, b.Name } }, context);
        Assert.Equal([b.Name, a.Name, b.Name], both.Organisations.Select(o => o.Name));

        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            Api.BatchGetOrganisations(new BatchGetOrganisationsRequest { Names = { a.Name, "organisations/ghost" } }, context));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Contains("organisations/ghost", missing.Detail);

        var allowed = await Api.BatchGetOrganisations(new BatchGetOrganisationsRequest { Names = { a.Name, "organisations/ghost" }, AllowMissing = true }, context);
        Assert.Equal([a.Name], allowed.Organisations.Select(o => o.Name));
        Assert.Equal(["organisations/ghost"], allowed.MissingNames);
    }

    [Fact]
    public async Task AgreementsNeedExistingPartiesListByPartyAndProtectTheirOrganisations()
    {
        var cert = await CreateAsync(SamplePartners.Cert());
        var ministry = await CreateAsync(SamplePartners.Ministry());

        var unknown = await Assert.ThrowsAsync<RpcException>(() => Api.CreateAgreement(
            new CreateAgreementRequest { Agreement = SamplePartners.Mou(cert.Name, "organisations/ghost"), RequestId = "a0" }, context));
        Assert.Equal("agreement.parties[1]", Assert.Single(unknown.FieldViolations()).Field);

        var mou = await Api.CreateAgreement(new CreateAgreementRequest { Agreement = SamplePartners.Mou(cert.Name, ministry.Name), RequestId = "a1" }, context);
        Assert.StartsWith("agreements/", mou.Name);

        var ofCert = await Api.ListAgreements(new ListAgreementsRequest { Party = cert.Name }, context);
        Assert.Equal(mou.Name, Assert.Single(ofCert.Agreements).Name);

        var blocked = await Assert.ThrowsAsync<RpcException>(() => Api.DeleteOrganisation(new DeleteOrganisationRequest { Name = cert.Name }, context));
        Assert.Equal(StatusCode.FailedPrecondition, blocked.StatusCode);

        await Api.DeleteAgreement(new DeleteAgreementRequest { Name = mou.Name, Etag = mou.Etag }, context);
        Assert.Empty((await Api.ListAgreements(new ListAgreementsRequest { Party = cert.Name }, context)).Agreements);
        await Api.DeleteOrganisation(new DeleteOrganisationRequest { Name = cert.Name }, context);
        var gone = await Assert.ThrowsAsync<RpcException>(() => Api.GetOrganisation(new GetOrganisationRequest { Name = cert.Name }, context));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AgreementUpdateReplacesPartiesInTheIndex()
    {
        var cert = await CreateAsync(SamplePartners.Cert());
        var ministry = await CreateAsync(SamplePartners.Ministry());
        var thai = await CreateAsync(SamplePartners.Cert("ETDA", "TH-ETDA", "TH"));
        var mou = await Api.CreateAgreement(new CreateAgreementRequest { Agreement = SamplePartners.Mou(cert.Name, ministry.Name), RequestId = "a1" }, context);

        var change = new Agreement { Name = mou.Name, Parties = { thai.Name, ministry.Name } };
        await Api.UpdateAgreement(new UpdateAgreementRequest { Agreement = change, UpdateMask = new FieldMask { Paths = { "parties" } } }, context);

        Assert.Empty((await Api.ListAgreements(new ListAgreementsRequest { Party = cert.Name }, context)).Agreements);
        Assert.Single((await Api.ListAgreements(new ListAgreementsRequest { Party = thai.Name }, context)).Agreements);
    }
}
