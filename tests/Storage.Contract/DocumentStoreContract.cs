namespace CapacityHub.Storage.Contract;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> backend must show. A backend's test project subclasses
/// this with a factory for a fresh, empty store; xunit runs every inherited fact against it.
/// </summary>
public abstract partial class DocumentStoreContract : IAsyncLifetime
{
    private IDocumentStore? store;

    protected IDocumentStore Store => store ?? throw new InvalidOperationException("The store is not open yet.");

    protected IDocumentCollection<Participant> Participants => Store.Collection(TestCollections.Participants);

    protected IDocumentCollection<Tally> Tallies => Store.Collection(TestCollections.Tallies);

    /// <summary>A new store with no data, owned by the test (disposed by the contract).</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync();

    /// <summary>Removes whatever <see cref="CreateStoreAsync"/> left behind (files, databases).</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        store = await CreateStoreAsync();
        await store.MigrateAsync(TestCollections.All);
    }

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }

        await CleanUpAsync();
    }

    protected async Task InsertPeopleAsync(int count, Func<int, Participant> make)
    {
        await Participants.InsertManyAsync(Enumerable.Range(0, count).Select(make));
    }

    protected static async Task<List<Document<Participant>>> ReadAllPagesAsync(IDocumentCollection<Participant> collection, Query query)
    {
        var all = new List<Document<Participant>>();
        var pages = 0;
        do
        {
            var page = await collection.FindAsync(query);
            Assert.True(page.Items.Count <= query.Limit);
            Assert.True(page.Next is null || page.Items.Count == query.Limit, "only the last page may be short");
            all.AddRange(page.Items);
            query = query with { After = page.Next };
            Assert.True(++pages < 10_000, "pagination does not end");
        }
        while (query.After is not null);

        return all;
    }
}
