using CapacityHub.Partners.Storage;
using CapacityHub.Partners.V1;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.Storage;
using Grpc.Core;

namespace CapacityHub.Partners.Tests.Api;

/// <summary>ListOrganisations' free-text query, and the start-up rewrite that makes older documents searchable.</summary>
public sealed class OrganisationSearchTests : IAsyncLifetime
{
    private readonly PartnerStoreFixture fixture = new();
    private readonly TestCallContext context = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    private Task<Organisation> CreateAsync(Organisation o) =>
        fixture.Api.CreateOrganisation(new CreateOrganisationRequest { Organisation = o, RequestId = Guid.NewGuid().ToString() }, context);

    private async Task<string[]> SearchAsync(string query, int pageSize = 0)
    {
        var names = new List<string>();
        var token = "";
        do
        {
            var page = await fixture.Api.ListOrganisations(new ListOrganisationsRequest { Query = query, PageSize = pageSize, PageToken = token }, context);
            names.AddRange(page.Organisations.Select(o => o.DisplayName));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return [.. names];
    }

    [Fact]
    public async Task FindsByNameOrAcronymIgnoringCaseAndWidthAcrossPages()
    {
        await CreateAsync(SamplePartners.Cert());
        await CreateAsync(SamplePartners.Cert("Electronic Transactions Development Agency", "TH-ETDA", "TH"));
        await CreateAsync(SamplePartners.Ministry());

        Assert.Equal(["Ministry of Economy, Trade and Industry"], await SearchAsync("meti"));
        Assert.Equal(["Ministry of Economy, Trade and Industry"], await SearchAsync("ＭＥＴＩ"));
        Assert.Equal(["Electronic Transactions Development Agency", "Vietnam Computer Emergency Response Team"], await SearchAsync(" cert", pageSize: 1));
        Assert.Equal(["Electronic Transactions Development Agency"], await SearchAsync("transactions dev"));
        Assert.Empty(await SearchAsync("transactions agency"));
    }

    [Fact]
    public async Task AQueryThatIsTooLongOrSpansLinesIsRefusedNamingTheField()
    {
        foreach (var query in new[] { new string('x', 101), "cert\nmeti" })
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => fixture.Api.ListOrganisations(new ListOrganisationsRequest { Query = query }, context));

            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Equal("query", Assert.Single(e.FieldViolations()).Field);
        }
    }

    [Fact]
    public async Task OrganisationsStoredBeforeSearchAreFoundAfterTheStartUpRewrite()
    {
        var created = await CreateAsync(SamplePartners.Ministry());
        var id = created.Name["organisations/".Length..];
        var organisations = fixture.Store.Collection(PartnerCollections.Organisations);
        var stored = (await organisations.GetAsync(id))!;
        await organisations.ReplaceAsync(stored.Value with { SearchText = null }, stored.Version);
        Assert.Empty(await SearchAsync("meti"));

        var rewrite = new StaleDocumentRewrite<StoredOrganisation>(
            PartnerCollections.Organisations, o => o.SearchText is null, d => OrganisationRepository.ToStored(d.Id, OrganisationRepository.ToResource(d).Value));
        await rewrite.UpgradeAsync(fixture.Store, CancellationToken.None);
        var afterFirst = (await organisations.GetAsync(id))!.Version;
        await rewrite.UpgradeAsync(fixture.Store, CancellationToken.None);

        Assert.Equal(["Ministry of Economy, Trade and Industry"], await SearchAsync("meti"));
        Assert.Equal(afterFirst, (await organisations.GetAsync(id))!.Version);
        var read = await fixture.Api.GetOrganisation(new GetOrganisationRequest { Name = created.Name }, context);
        read.Etag = created.Etag;
        Assert.Equal(created, read);
    }
}
