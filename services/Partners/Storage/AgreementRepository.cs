using CapacityHub.Partners.V1;
using CapacityHub.Storage;

namespace CapacityHub.Partners.Storage;

/// <summary>What ListAgreements filters on; empty/unspecified means "any".</summary>
public sealed record AgreementListFilter(string Party, string Programme, AgreementType Type);

/// <summary>Agreements and their party index, written together.</summary>
public sealed class AgreementRepository(IDocumentStore store)
{
    public async Task<Document<Agreement>?> FindAsync(string id, CancellationToken ct)
    {
        var doc = await store.Collection(PartnerCollections.Agreements).GetAsync(id, ct);
        return doc is null ? null : ToResource(doc);
    }

    public Task<string> CreateAsync(string requestId, string id, Agreement agreement, CancellationToken ct) =>
        store.TransactAsync(
            (tx, token) => tx.OnceAsync(PartnerCollections.Requests, "CreateAgreement", requestId, async () =>
            {
                await tx.Collection(PartnerCollections.Agreements).InsertAsync(ToStored(id, agreement), token);
                await WritePartiesAsync(tx, id, null, agreement, token);
                return id;
            }, cancellationToken: token),
            ct);

    public Task<Document<Agreement>> ReplaceAsync(string id, Agreement before, Agreement after, long expectedVersion, CancellationToken ct) =>
        store.TransactAsync(
            async (tx, token) =>
            {
                var doc = await tx.Collection(PartnerCollections.Agreements).ReplaceAsync(ToStored(id, after), expectedVersion, token);
                await WritePartiesAsync(tx, id, before, after, token);
                return ToResource(doc);
            },
            ct);

    public Task<bool> DeleteAsync(string id, Agreement agreement, long expectedVersion, CancellationToken ct) =>
        store.TransactAsync(
            async (tx, token) =>
            {
                await WritePartiesAsync(tx, id, agreement, null, token);
                return await tx.Collection(PartnerCollections.Agreements).DeleteAsync(id, expectedVersion, token);
            },
            ct);

    /// <summary>Pages in creation order (ids are time-ordered). A party filter narrows the store query; the programme filter is applied after.</summary>
    public async Task<(IReadOnlyList<Agreement> Items, string? Next)> ListAsync(AgreementListFilter f, int limit, string? pageToken, CancellationToken ct)
    {
        var type = f.Type == AgreementType.Unspecified ? null : f.Type.ToString();
        if (f.Party.Length == 0)
        {
            var filter = Filter.All;
            if (type is not null)
            {
                filter = filter.And("type", type);
            }

            if (f.Programme.Length > 0)
            {
                filter = filter.And("programme", f.Programme);
            }

            var page = await store.Collection(PartnerCollections.Agreements).FindAsync(new Query { Filter = filter, Limit = limit, After = pageToken }, ct);
            return ([.. page.Items.Select(d => ToResource(d).Value)], page.Next);
        }

        var partyFilter = Filter.Where("party", f.Party);
        if (type is not null)
        {
            partyFilter = partyFilter.And("type", type);
        }

        var parties = await store.Collection(PartnerCollections.AgreementParties).FindAsync(
            new Query { Filter = partyFilter, OrderBy = "agreementId", Limit = limit, After = pageToken }, ct);
        var items = new List<Agreement>();
        foreach (var party in parties.Items)
        {
            var doc = await FindAsync(party.Value.AgreementId, ct);
            if (doc is not null && (f.Programme.Length == 0 || doc.Value.Programme == f.Programme))
            {
                items.Add(doc.Value);
            }
        }

        return (items, parties.Next);
    }

    private static async Task WritePartiesAsync(ITransaction tx, string id, Agreement? before, Agreement? after, CancellationToken ct)
    {
        var parties = tx.Collection(PartnerCollections.AgreementParties);
        foreach (var party in before?.Parties ?? [])
        {
            await parties.DeleteAsync($"{id}|{party}", cancellationToken: ct);
        }

        foreach (var party in after?.Parties ?? [])
        {
            await parties.UpsertAsync(new AgreementParty($"{id}|{party}", id, party, after!.Type.ToString()), ct);
        }
    }

    private static StoredAgreement ToStored(string id, Agreement a) =>
        new(id, a.Type.ToString(), string.IsNullOrEmpty(a.Programme) ? null : a.Programme, ProtoDocuments.Write(a, m => m.Etag = ""));

    private static Document<Agreement> ToResource(Document<StoredAgreement> doc) =>
        new(doc.Id, doc.Version, ProtoDocuments.Read<Agreement>(doc.Value.Resource, doc.Version, (m, etag) => m.Etag = etag));
}
