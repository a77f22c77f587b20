namespace CapacityHub.Storage.Sqlite;

/// <summary>Where a collection's statements run: auto-commit (pooled readers, one write transaction per call) or inside a transaction.</summary>
internal interface ISqliteSession
{
    Task<TResult> ReadAsync<TResult>(Func<SqliteSlot, TResult> read, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="write"/> atomically; everything it does commits or nothing does.</summary>
    Task<TResult> WriteAsync<TResult>(Func<SqliteSlot, TResult> write, CancellationToken cancellationToken);
}
