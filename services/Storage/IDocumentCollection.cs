namespace CapacityHub.Storage;

/// <summary>
/// Reads and writes one collection. From <see cref="IDocumentStore.Collection{T}"/> every call is its own
/// atomic, durable operation; from <see cref="ITransaction.Collection{T}"/> calls join the transaction.
/// Bad input throws ArgumentException (subclasses); write conflicts throw the exceptions named below.
/// </summary>
public interface IDocumentCollection<T>
    where T : class
{
    CollectionSpec<T> Spec { get; }

    Task<Document<T>?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The first document (in id order) matching an indexed filter, e.g. a lookup on a unique index.</summary>
    Task<Document<T>?> FindOneAsync(Filter filter, CancellationToken cancellationToken = default);

    Task<Page<T>> FindAsync(Query query, CancellationToken cancellationToken = default);

    Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default);

    /// <summary>Inserts with version 1. <exception cref="DuplicateKeyException">id or a unique index taken</exception></summary>
    Task<Document<T>> InsertAsync(T value, CancellationToken cancellationToken = default);

    /// <summary>Inserts all values atomically (all or none), fast enough for seeding millions.</summary>
    Task<int> InsertManyAsync(IEnumerable<T> values, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the document if it still has <paramref name="expectedVersion"/>.
    /// <exception cref="ConcurrencyConflictException">someone wrote in between</exception>
    /// <exception cref="DocumentNotFoundException">no such document</exception>
    /// </summary>
    Task<Document<T>> ReplaceAsync(T value, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces unconditionally (last writer wins); unique indexes still apply.</summary>
    Task<Document<T>> UpsertAsync(T value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes; false when there was nothing to delete.
    /// <exception cref="ConcurrencyConflictException">the document has another version than expected</exception>
    /// </summary>
    Task<bool> DeleteAsync(string id, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds deltas to numeric fields atomically and bumps the version; when the document is missing,
    /// <paramref name="seedIfMissing"/> is inserted first (or <see cref="DocumentNotFoundException"/> thrown).
    /// </summary>
    Task<Document<T>> IncrementAsync(string id, IReadOnlyList<Increment> increments, T? seedIfMissing = null, CancellationToken cancellationToken = default);
}
