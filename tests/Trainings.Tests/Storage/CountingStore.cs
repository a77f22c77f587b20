using CapacityHub.Storage;

namespace CapacityHub.Trainings.Tests.Storage;

/// <summary>
/// A store that counts the documents each collection hands back (gets and query results), to show what a
/// write reads. Everything else passes straight to the real store underneath.
/// </summary>
internal sealed class CountingStore(IDocumentStore inner) : IDocumentStore
{
    private readonly Dictionary<string, int> _read = [];

    public int Read(string collection)
    {
        lock (_read)
        {
            return _read.GetValueOrDefault(collection);
        }
    }

    public void Reset()
    {
        lock (_read)
        {
            _read.Clear();
        }
    }

    public Task MigrateAsync(IEnumerable<CollectionSpec> collections, CancellationToken cancellationToken = default) => inner.MigrateAsync(collections, cancellationToken);

    public IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
        where T : class => new Counting<T>(inner.Collection(spec), this);

    public Task<TResult> TransactAsync<TResult>(Func<ITransaction, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default) =>
        inner.TransactAsync((tx, ct) => work(new CountingTransaction(tx, this), ct), cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Count(string collection, int documents)
    {
        lock (_read)
        {
            _read[collection] = _read.GetValueOrDefault(collection) + documents;
        }
    }

    private sealed class CountingTransaction(ITransaction inner, CountingStore counts) : ITransaction
    {
        public IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
            where T : class => new Counting<T>(inner.Collection(spec), counts);
    }

    private sealed class Counting<T>(IDocumentCollection<T> inner, CountingStore counts) : IDocumentCollection<T>
        where T : class
    {
        public CollectionSpec<T> Spec => inner.Spec;

        public async Task<Document<T>?> GetAsync(string id, CancellationToken cancellationToken = default) =>
            Counted(await inner.GetAsync(id, cancellationToken));

        public async Task<Document<T>?> FindOneAsync(Filter filter, CancellationToken cancellationToken = default) =>
            Counted(await inner.FindOneAsync(filter, cancellationToken));

        public async Task<Page<T>> FindAsync(Query query, CancellationToken cancellationToken = default)
        {
            var page = await inner.FindAsync(query, cancellationToken);
            counts.Count(Spec.Name, page.Items.Count);
            return page;
        }

        public Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default) => inner.CountAsync(filter, cancellationToken);

        public Task<Document<T>> InsertAsync(T value, CancellationToken cancellationToken = default) => inner.InsertAsync(value, cancellationToken);

        public Task<int> InsertManyAsync(IEnumerable<T> values, CancellationToken cancellationToken = default) => inner.InsertManyAsync(values, cancellationToken);

        public Task<Document<T>> ReplaceAsync(T value, long expectedVersion, CancellationToken cancellationToken = default) =>
            inner.ReplaceAsync(value, expectedVersion, cancellationToken);

        public Task<Document<T>> UpsertAsync(T value, CancellationToken cancellationToken = default) => inner.UpsertAsync(value, cancellationToken);

        public Task<bool> DeleteAsync(string id, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(id, expectedVersion, cancellationToken);

        public Task<Document<T>> IncrementAsync(string id, IReadOnlyList<Increment> increments, T? seedIfMissing = null, CancellationToken cancellationToken = default) =>
            inner.IncrementAsync(id, increments, seedIfMissing, cancellationToken);

        private Document<T>? Counted(Document<T>? document)
        {
            if (document is not null)
            {
                counts.Count(Spec.Name, 1);
            }

            return document;
        }
    }
}
