namespace CapacityHub.Storage;

/// <summary>A write the store refused because of the data (not because of bad input).</summary>
public abstract class StorageException(string message, Exception? inner = null) : Exception(message, inner)
{
}

/// <summary>The document changed (or vanished) since the caller read it; re-read and retry. gRPC: ABORTED.</summary>
public sealed class ConcurrencyConflictException(string collection, string id, long? expectedVersion, long? actualVersion)
    : StorageException($"'{collection}/{id}' was expected at version {expectedVersion} but is at {(actualVersion is null ? "none (deleted)" : actualVersion)}.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;

    public long? ExpectedVersion { get; } = expectedVersion;

    public long? ActualVersion { get; } = actualVersion;
}

/// <summary>
/// An insert or update collided on the id ("_id") or a unique index. <see cref="Fields"/> names the field
/// paths of that index (["id"] for the id) so the service can say which value is taken. gRPC: ALREADY_EXISTS.
/// </summary>
public sealed class DuplicateKeyException(string collection, string indexName, IReadOnlyList<string> fields, Exception? inner = null)
    : StorageException(Describe(collection, indexName, fields), inner)
{
    public const string IdIndexName = "_id";

    public string Collection { get; } = collection;

    public string IndexName { get; } = indexName;

    /// <summary>The indexed field paths whose values collided; empty only when the index is no longer declared.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    private static string Describe(string collection, string indexName, IReadOnlyList<string> fields) =>
        indexName == IdIndexName
            ? $"'{collection}' already holds a document with the same id."
            : $"'{collection}' already holds a document with the same {string.Join(", ", fields)} (unique index '{indexName}').";
}

/// <summary>The document does not exist. gRPC: NOT_FOUND.</summary>
public sealed class DocumentNotFoundException(string collection, string id)
    : StorageException($"'{collection}/{id}' does not exist.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
}

/// <summary>The store cannot be reached or opened. gRPC: UNAVAILABLE.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : StorageException(message, inner)
{
}

/// <summary>A filter or order names a path no declared index covers. gRPC: INVALID_ARGUMENT (a programming error).</summary>
public sealed class UnindexedQueryException(string collection, string path)
    : ArgumentException($"'{collection}' has no index on '{path}'; queries may filter and sort only on indexed paths.", nameof(path))
{
    public string Collection { get; } = collection;

    public string Path { get; } = path;
}

/// <summary>A page token that was not issued for this query. gRPC: INVALID_ARGUMENT on page_token.</summary>
public sealed class InvalidContinuationTokenException(string reason, Exception? inner = null)
    : ArgumentException($"Invalid page token: {reason}.", inner)
{
}

/// <summary>A query the store cannot serve as asked (e.g. a page size out of range). gRPC: INVALID_ARGUMENT.</summary>
public sealed class InvalidQueryException(string field, string message) : ArgumentException(message, field)
{
}
