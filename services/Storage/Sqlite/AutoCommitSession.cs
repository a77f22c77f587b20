namespace CapacityHub.Storage.Sqlite;

/// <summary>Each read on a pooled reader; each write its own durable transaction.</summary>
internal sealed class AutoCommitSession(ReaderPool readers, WriterGate writer) : ISqliteSession
{
    public Task<TResult> ReadAsync<TResult>(Func<SqliteSlot, TResult> read, CancellationToken cancellationToken) =>
        readers.ReadAsync(read, cancellationToken);

    public Task<TResult> WriteAsync<TResult>(Func<SqliteSlot, TResult> write, CancellationToken cancellationToken) =>
        writer.RunAsync(slot => Task.FromResult(write(slot)), asTransaction: false, cancellationToken);
}
