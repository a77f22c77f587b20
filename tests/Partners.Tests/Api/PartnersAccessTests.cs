using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Partners.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.TestSupport.TestCallers;

namespace CapacityHub.Partners.Tests.Api;

/// <summary>The service's own authorisation (defence in depth): each rule allowed and denied, through the Api.</summary>
public sealed class PartnersAccessTests : IAsyncLifetime
{
    private readonly PartnerStoreFixture fixture = new();
    private Organisation cert = null!;
    private Organisation ministry = null!;

    private PartnerService.PartnerServiceBase Api => fixture.Api;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        cert = await Api.CreateOrganisation(new CreateOrganisationRequest { Organisation = SamplePartners.Cert(), OrganisationId = "vncert", RequestId = "c" }, new TestCallContext());
        ministry = await Api.CreateOrganisation(new CreateOrganisationRequest { Organisation = SamplePartners.Ministry(), OrganisationId = "meti", RequestId = "m" }, new TestCallContext());
    }

    public Task DisposeAsync() => fixture.DisposeAsync();

    private static async Task<RpcException> DeniedAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        return e;
    }

    private Task<Agreement> CreateMouAsync() =>
        Api.CreateAgreement(new CreateAgreementRequest { Agreement = SamplePartners.Mou(cert.Name, ministry.Name), RequestId = Guid.NewGuid().ToString() }, new TestCallContext(Manager()));

    [Fact]
    public async Task ContactsAreShownToAdministratorsManagersServicesAndTheOwnPartnerOnly()
    {
        foreach (var caller in new[] { Administrator, Manager(), TrainingsService, Partner("vncert") })
        {
            Assert.NotEmpty((await Api.GetOrganisation(new GetOrganisationRequest { Name = cert.Name }, new TestCallContext(caller))).Contacts);
        }

        foreach (var caller in new[] { Funder("meti"), Partner("organisations/etda") })
        {
            var context = new TestCallContext(caller);
            var read = await Api.GetOrganisation(new GetOrganisationRequest { Name = cert.Name }, context);
            var listed = await Api.ListOrganisations(new ListOrganisationsRequest(), context);
            var batch = await Api.BatchGetOrganisations(new BatchGetOrganisationsRequest { Names = { cert.Name } }, context);

            Assert.Equal(cert.DisplayName, read.DisplayName);
            Assert.Empty(read.Contacts);
            Assert.Equal(2, listed.Organisations.Count);
            Assert.All(listed.Organisations, o => Assert.Empty(o.Contacts));
            Assert.Empty(batch.Organisations[0].Contacts);
        }
    }

    [Fact]
    public async Task OnlyAdministratorsCreateUpdateAndDeleteOrganisations()
    {
        foreach (var caller in new[] { Manager(), Funder("meti"), Partner("vncert"), TrainingsService })
        {
            var context = new TestCallContext(caller);
            var e = await DeniedAsync(() => Api.CreateOrganisation(new CreateOrganisationRequest { Organisation = SamplePartners.Cert("X", "VN-X"), RequestId = "x" }, context));
            var renamed = cert.Clone();
            renamed.DisplayName = "Taken over";
            await DeniedAsync(() => Api.UpdateOrganisation(new UpdateOrganisationRequest { Organisation = renamed, UpdateMask = new FieldMask { Paths = { "display_name" } } }, context));
            await DeniedAsync(() => Api.DeleteOrganisation(new DeleteOrganisationRequest { Name = ministry.Name }, context));
            Assert.Contains(caller.Role.ToString(), e.Detail);
        }

        var update = cert.Clone();
        update.DisplayName = "VNCERT";
        var saved = await Api.UpdateOrganisation(new UpdateOrganisationRequest { Organisation = update, UpdateMask = new FieldMask { Paths = { "display_name" } } }, new TestCallContext());
        Assert.Equal("VNCERT", saved.DisplayName);
    }

    [Fact]
    public async Task APartnerUpdatesItsOwnContactsButNothingElse()
    {
        var own = new TestCallContext(Partner("vncert"));
        var changed = cert.Clone();
        changed.Contacts[0].Email = "new-focal@vncert.example.vn";
        changed.DisplayName = "Renamed by partner";

        var saved = await Api.UpdateOrganisation(new UpdateOrganisationRequest { Organisation = changed, UpdateMask = new FieldMask { Paths = { "contacts" } } }, own);
        var e = await DeniedAsync(() => Api.UpdateOrganisation(new UpdateOrganisationRequest { Organisation = changed, UpdateMask = new FieldMask { Paths = { "contacts", "display_name" } } }, own));
        await DeniedAsync(() => Api.UpdateOrganisation(new UpdateOrganisationRequest { Organisation = changed }, own));
        var otherOrganisation = ministry.Clone();
        await DeniedAsync(() => Api.UpdateOrganisation(new UpdateOrganisationRequest { Organisation = otherOrganisation, UpdateMask = new FieldMask { Paths = { "contacts" } } }, own));

        Assert.Equal("new-focal@vncert.example.vn", saved.Contacts[0].Email);
        Assert.Equal(cert.DisplayName, saved.DisplayName);
        Assert.Equal("partner-1", saved.Audit.UpdatedBy);
        Assert.Contains("PartnerAgency", e.Detail);
    }

    [Fact]
    public async Task AgreementsAreReadByAdministratorsManagersAndTheirParties()
    {
        var mou = await CreateMouAsync();

        foreach (var caller in new[] { Administrator, Manager(), Partner("vncert"), Funder("organisations/meti") })
        {
            var context = new TestCallContext(caller);
            Assert.Equal(mou.Name, (await Api.GetAgreement(new GetAgreementRequest { Name = mou.Name }, context)).Name);
            Assert.Single((await Api.ListAgreements(new ListAgreementsRequest(), context)).Agreements);
        }

        var stranger = new TestCallContext(Partner("etda"));
        var e = await DeniedAsync(() => Api.GetAgreement(new GetAgreementRequest { Name = mou.Name }, stranger));
        var others = await DeniedAsync(() => Api.ListAgreements(new ListAgreementsRequest { Party = cert.Name }, stranger));

        Assert.Empty((await Api.ListAgreements(new ListAgreementsRequest(), stranger)).Agreements);
        Assert.Contains("PartnerAgency", e.Detail);
        Assert.Contains(cert.Name, others.Detail);
    }

    [Fact]
    public async Task AgreementsAreWrittenByAdministratorsAndManagersOnly()
    {
        var mou = await CreateMouAsync();
        var byAdministrator = await Api.CreateAgreement(new CreateAgreementRequest { Agreement = SamplePartners.Mou(cert.Name, ministry.Name), RequestId = "admin" }, new TestCallContext());

        foreach (var caller in new[] { Partner("vncert"), Funder("meti"), TrainingsService })
        {
            var context = new TestCallContext(caller);
            var e = await DeniedAsync(() => Api.CreateAgreement(new CreateAgreementRequest { Agreement = SamplePartners.Mou(cert.Name, ministry.Name), RequestId = "x" }, context));
            var retitled = mou.Clone();
            retitled.Title = "Changed by a party";
            await DeniedAsync(() => Api.UpdateAgreement(new UpdateAgreementRequest { Agreement = retitled, UpdateMask = new FieldMask { Paths = { "title" } } }, context));
            await DeniedAsync(() => Api.DeleteAgreement(new DeleteAgreementRequest { Name = mou.Name }, context));
            Assert.Contains("agreements", e.Detail);
        }

        await Api.DeleteAgreement(new DeleteAgreementRequest { Name = byAdministrator.Name }, new TestCallContext(Manager()));
        Assert.Single((await Api.ListAgreements(new ListAgreementsRequest(), new TestCallContext())).Agreements);
    }

    [Fact]
    public async Task ACallWithoutCallerIsUnauthenticated()
    {
        var context = new TestCallContext();
        context.UserState.Clear();

        var e = await Assert.ThrowsAsync<RpcException>(() => Api.GetOrganisation(new GetOrganisationRequest { Name = cert.Name }, context));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }
}
