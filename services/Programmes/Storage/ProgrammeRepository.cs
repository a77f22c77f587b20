using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Storage;
using Google.Protobuf;

namespace CapacityHub.Programmes.Storage;

/// <summary>Programmes and their list tags, written together in one transaction.</summary>
public sealed class ProgrammeRepository(IDocumentStore store)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public async Task<Document<Programme>?> FindAsync(string id, CancellationToken ct)
    {
        var doc = await store.Collection(ProgrammeCollections.Programmes).GetAsync(id, ct);
        return doc is null ? null : ToResource(doc);
    }

    /// <summary>Inserts once per request id; a retry returns the id the first attempt created.</summary>
    public Task<string> CreateAsync(string requestId, Programme programme, CancellationToken ct) =>
        store.TransactAsync(
            (tx, token) => tx.OnceAsync(ProgrammeCollections.Requests, "CreateProgramme", requestId, async () =>
            {
                var id = ResourceNames.IdOf(programme.Name, "programmes")!;
                await tx.Collection(ProgrammeCollections.Programmes).InsertAsync(ToStored(id, programme), token);
                await WriteTagsAsync(tx, id, null, programme, token);
                return id;
            }, cancellationToken: token),
            ct);

    public Task<Document<Programme>> ReplaceAsync(Programme before, Programme after, long expectedVersion, CancellationToken ct) =>
        store.TransactAsync(
            async (tx, token) =>
            {
                var id = ResourceNames.IdOf(after.Name, "programmes")!;
                var doc = await tx.Collection(ProgrammeCollections.Programmes).ReplaceAsync(ToStored(id, after), expectedVersion, token);
                await WriteTagsAsync(tx, id, before, after, token);
                return ToResource(doc);
            },
            ct);

    public Task<bool> DeleteAsync(Programme programme, long expectedVersion, CancellationToken ct) =>
        store.TransactAsync(
            async (tx, token) =>
            {
                var id = ResourceNames.IdOf(programme.Name, "programmes")!;
                await WriteTagsAsync(tx, id, programme, null, token);
                return await tx.Collection(ProgrammeCollections.Programmes).DeleteAsync(id, expectedVersion, token);
            },
            ct);

    /// <summary>
    /// One page in code order. The first tag narrows the store query; further tags are checked on the
    /// loaded programmes, so such pages may hold fewer than <paramref name="limit"/> items (AIP-158 allows it).
    /// </summary>
    public async Task<(IReadOnlyList<Programme> Items, string? Next)> ListAsync(ProgrammeListFilter filter, int limit, string? pageToken, CancellationToken ct)
    {
        var status = filter.Status == ActivityStatus.Unspecified ? null : filter.Status.ToString();
        if (filter.Tags.Count == 0)
        {
            var where = status is null ? Filter.All : Filter.Where("status", status);
            if (filter.Query.Length > 0)
            {
                where = where.AndContains("searchText", filter.Query);
            }

            var page = await store.Collection(ProgrammeCollections.Programmes).FindAsync(
                new Query { Filter = where, OrderBy = "code", Limit = limit, After = pageToken }, ct);
            return ([.. page.Items.Select(d => ToResource(d).Value)], page.Next);
        }

        var tagFilter = Filter.Where("tag", filter.Tags[0]);
        if (status is not null)
        {
            tagFilter = tagFilter.And("status", status);
        }

        var tags = await store.Collection(ProgrammeCollections.Tags).FindAsync(
            new Query { Filter = tagFilter, OrderBy = "code", Limit = limit, After = pageToken }, ct);
        var items = new List<Programme>(tags.Items.Count);
        foreach (var tag in tags.Items)
        {
            var doc = await FindAsync(tag.Value.ProgrammeId, ct);
            if (doc is not null && filter.Tags.Skip(1).All(t => ProgrammeTags.Of(doc.Value).Contains(t))
                && (filter.Query.Length == 0 || SearchTextOf(doc.Id, doc.Value).Contains(filter.Query, StringComparison.Ordinal)))
            {
                items.Add(doc.Value);
            }
        }

        return (items, tags.Next);
    }

    private static async Task WriteTagsAsync(ITransaction tx, string id, Programme? before, Programme? after, CancellationToken ct)
    {
        var tags = tx.Collection(ProgrammeCollections.Tags);
        foreach (var tag in before is null ? [] : ProgrammeTags.Of(before))
        {
            await tags.DeleteAsync(TagId(id, tag), cancellationToken: ct);
        }

        foreach (var tag in after is null ? [] : ProgrammeTags.Of(after))
        {
            await tags.UpsertAsync(new ProgrammeTag(TagId(id, tag), id, tag, after!.Status.ToString(), after.Code), ct);
        }
    }

    private static string TagId(string programmeId, string tag) => $"{programmeId}|{tag}";

    public static StoredProgramme ToStored(string id, Programme p)
    {
        var copy = p.Clone();
        copy.Etag = "";
        return new StoredProgramme(id, p.Code, string.IsNullOrEmpty(p.IatiIdentifier) ? null : p.IatiIdentifier, p.Status.ToString(), Formatter.Format(copy),
            SearchTextOf(id, p));
    }

    private static string SearchTextOf(string id, Programme p) => SearchText.Of(p.Title, p.Code, id);

    public static Document<Programme> ToResource(Document<StoredProgramme> doc)
    {
        var p = Parser.Parse<Programme>(doc.Value.Resource);
        p.Etag = ServiceDefaults.Errors.StoreFailures.Etag(doc.Version);
        return new Document<Programme>(doc.Id, doc.Version, p);
    }
}
