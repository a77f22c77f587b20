using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Storage;

namespace CapacityHub.Partners.Storage;

/// <summary>What ListOrganisations filters on; unspecified/empty means "any". <see cref="Query"/> is folded with <see cref="SearchText.Fold"/>.</summary>
public sealed record OrganisationListFilter(string CountryCode, OrganisationType Type, RegionGroup Region, OrganisationStatus Status, string Query = "");

public sealed class OrganisationRepository(IDocumentStore store)
{
    private IDocumentCollection<StoredOrganisation> Organisations => store.Collection(PartnerCollections.Organisations);

    public async Task<Document<Organisation>?> FindAsync(string id, CancellationToken ct)
    {
        var doc = await Organisations.GetAsync(id, ct);
        return doc is null ? null : ToResource(doc);
    }

    public Task<string> CreateAsync(string requestId, string id, Organisation organisation, CancellationToken ct) =>
        store.TransactAsync(
            (tx, token) => tx.OnceAsync(PartnerCollections.Requests, "CreateOrganisation", requestId, async () =>
            {
                await tx.Collection(PartnerCollections.Organisations).InsertAsync(ToStored(id, organisation), token);
                return id;
            }, cancellationToken: token),
            ct);

    public async Task<Document<Organisation>> ReplaceAsync(string id, Organisation organisation, long expectedVersion, CancellationToken ct) =>
        ToResource(await Organisations.ReplaceAsync(ToStored(id, organisation), expectedVersion, ct));

    public Task<bool> DeleteAsync(string id, long expectedVersion, CancellationToken ct) => Organisations.DeleteAsync(id, expectedVersion, ct);

    /// <summary>True while any agreement names the organisation as a party.</summary>
    public async Task<bool> HasAgreementsAsync(string organisationName, CancellationToken ct) =>
        await store.Collection(PartnerCollections.AgreementParties).CountAsync(Filter.Where("party", organisationName), ct) > 0;

    public async Task<(IReadOnlyList<Organisation> Items, string? Next)> ListAsync(OrganisationListFilter f, int limit, string? pageToken, CancellationToken ct)
    {
        var filter = Filter.All;
        if (f.CountryCode.Length > 0)
        {
            filter = filter.And("countryCode", f.CountryCode);
        }

        if (f.Type != OrganisationType.Unspecified)
        {
            filter = filter.And("type", f.Type.ToString());
        }

        if (f.Status != OrganisationStatus.Unspecified)
        {
            filter = filter.And("status", f.Status.ToString());
        }

        filter = f.Region switch
        {
            RegionGroup.Asean => filter.And("asean", true),
            RegionGroup.Arf => filter.And("arf", true),
            RegionGroup.IndoPacific => filter.And("indoPacific", true),
            _ => filter,
        };

        if (f.Query.Length > 0)
        {
            filter = filter.AndContains("searchText", f.Query);
        }

        var page = await Organisations.FindAsync(new Query { Filter = filter, OrderBy = "sortName", Limit = limit, After = pageToken }, ct);
        return ([.. page.Items.Select(d => ToResource(d).Value)], page.Next);
    }

    public static StoredOrganisation ToStored(string id, Organisation o) => new(
        id,
        o.DisplayName.ToUpperInvariant(),
        string.IsNullOrEmpty(o.IatiIdentifier) ? null : o.IatiIdentifier,
        o.CountryCode,
        o.Type.ToString(),
        o.Status.ToString(),
        o.RegionGroups.Contains(RegionGroup.Asean),
        o.RegionGroups.Contains(RegionGroup.Arf),
        o.RegionGroups.Contains(RegionGroup.IndoPacific),
        ProtoDocuments.Write(o, m => m.Etag = ""),
        SearchText.Of(o.DisplayName, o.Acronym, id));

    public static Document<Organisation> ToResource(Document<StoredOrganisation> doc) =>
        new(doc.Id, doc.Version, ProtoDocuments.Read<Organisation>(doc.Value.Resource, doc.Version, (m, etag) => m.Etag = etag));
}
