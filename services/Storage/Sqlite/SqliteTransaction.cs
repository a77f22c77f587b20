using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>
/// The collections of one open transaction. All statements run on the writer connection, which already
/// holds BEGIN IMMEDIATE; after the transaction ends the object refuses further use.
/// </summary>
internal sealed class SqliteTransaction(SqliteSlot writer, Func<CollectionSpec, CollectionSpec> requireDeclared)
    : ITransaction, ISqliteSession
{
    private const int Constraint = 19;

    private bool open = true;

    public IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
        where T : class
    {
        requireDeclared(spec);
        return new SqliteCollection<T>(spec, this);
    }

    public Task<TResult> ReadAsync<TResult>(Func<SqliteSlot, TResult> read, CancellationToken cancellationToken) =>
        RunAsync(read, cancellationToken);

    // A savepoint makes each call all-or-nothing inside the transaction, so a caller that catches, say, a
    // DuplicateKeyException from InsertManyAsync and carries on does not commit half of the batch.
    public Task<TResult> WriteAsync<TResult>(Func<SqliteSlot, TResult> write, CancellationToken cancellationToken) =>
        RunAsync(
            slot =>
            {
                slot.Execute("SAVEPOINT call");
                try
                {
                    var result = write(slot);
                    slot.Execute("RELEASE call");
                    return result;
                }
                catch (Exception e) when (e is not SqliteException { SqliteErrorCode: not Constraint })
                {
                    // Undo this call only; a failure of SQLite itself instead ends the whole transaction upstream.
                    slot.Execute("ROLLBACK TO call");
                    slot.Execute("RELEASE call");
                    throw;
                }
            },
            cancellationToken);

    public void Close() => open = false;

    private Task<TResult> RunAsync<TResult>(Func<SqliteSlot, TResult> statement, CancellationToken cancellationToken)
    {
        if (!open)
        {
            throw new InvalidOperationException("The transaction has ended; use collections from the store or a new transaction.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(statement(writer));
    }
}
