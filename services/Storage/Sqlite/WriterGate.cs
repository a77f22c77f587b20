using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>
/// SQLite has one writer per file; serialising writers here (instead of letting them spin on SQLITE_BUSY)
/// keeps latency fair and lets a transaction hold the writer across awaits.
/// </summary>
internal sealed class WriterGate(SqliteSlot writer) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    // Set while the current async flow runs a transaction: an auto-commit write from inside would wait for itself.
    private readonly AsyncLocal<bool> insideTransaction = new();

    public bool InsideTransaction => insideTransaction.Value;

    /// <summary>Runs <paramref name="work"/> between BEGIN IMMEDIATE and COMMIT, rolling back when it throws.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<SqliteSlot, Task<TResult>> work, bool asTransaction, CancellationToken cancellationToken)
    {
        if (insideTransaction.Value)
        {
            throw new InvalidOperationException(
                "This store is already in a transaction on this call path: use the transaction's collections (tx.Collection(...)) inside TransactAsync.");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            insideTransaction.Value = asTransaction;
            writer.Execute("BEGIN IMMEDIATE");
            try
            {
                var result = await work(writer);
                cancellationToken.ThrowIfCancellationRequested();
                writer.Execute("COMMIT");
                return result;
            }
            catch
            {
                RollBack();
                throw;
            }
        }
        finally
        {
            insideTransaction.Value = false;
            gate.Release();
        }
    }

    // After a failed COMMIT or an I/O error SQLite may already have rolled back; the original error is what matters,
    // but the connection must leave the transaction or every later BEGIN fails.
    private void RollBack()
    {
        try
        {
            writer.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // "cannot rollback - no transaction is active": SQLite rolled back on its own.
        }
    }

    /// <summary>Waits for the writer to be idle and keeps it, so the store can close it.</summary>
    public Task DrainAsync() => gate.WaitAsync();

    public void Dispose() => gate.Dispose();
}
