namespace CapacityHub.Storage.Telemetry;

/// <summary>One collection whose every operation is a span "{operation} {collection}" and a duration measurement.</summary>
internal sealed class TracedCollection<T>(IDocumentCollection<T> inner, StoreOperations operations) : IDocumentCollection<T>
    where T : class
{
    public CollectionSpec<T> Spec => inner.Spec;

    private string Name => inner.Spec.Name;

    public Task<Document<T>?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        operations.RunAsync("get", Name, () => inner.GetAsync(id, cancellationToken));

    public Task<Document<T>?> FindOneAsync(Filter filter, CancellationToken cancellationToken = default) =>
        operations.RunAsync("findOne", Name, () => inner.FindOneAsync(filter, cancellationToken));

    public Task<Page<T>> FindAsync(Query query, CancellationToken cancellationToken = default) =>
        operations.RunAsync(
            "find",
            Name,
            () => inner.FindAsync(query, cancellationToken),
            (activity, page) => activity.SetTag("db.response.returned_rows", page.Items.Count));

    public Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default) =>
        operations.RunAsync("count", Name, () => inner.CountAsync(filter, cancellationToken));

    public Task<Document<T>> InsertAsync(T value, CancellationToken cancellationToken = default) =>
        operations.RunAsync("insert", Name, () => inner.InsertAsync(value, cancellationToken));

    public Task<int> InsertManyAsync(IEnumerable<T> values, CancellationToken cancellationToken = default) =>
        operations.RunAsync(
            "insertMany",
            Name,
            () => inner.InsertManyAsync(values, cancellationToken),
            (activity, inserted) => activity.SetTag("db.operation.batch.size", inserted));

    public Task<Document<T>> ReplaceAsync(T value, long expectedVersion, CancellationToken cancellationToken = default) =>
        operations.RunAsync("replace", Name, () => inner.ReplaceAsync(value, expectedVersion, cancellationToken));

    public Task<Document<T>> UpsertAsync(T value, CancellationToken cancellationToken = default) =>
        operations.RunAsync("upsert", Name, () => inner.UpsertAsync(value, cancellationToken));

    public Task<bool> DeleteAsync(string id, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        operations.RunAsync("delete", Name, () => inner.DeleteAsync(id, expectedVersion, cancellationToken));

    public Task<Document<T>> IncrementAsync(string id, IReadOnlyList<Increment> increments, T? seedIfMissing = null, CancellationToken cancellationToken = default) =>
        operations.RunAsync("increment", Name, () => inner.IncrementAsync(id, increments, seedIfMissing, cancellationToken));
}
