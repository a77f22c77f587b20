using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>
/// SQLite has one writer per file; serialising writers here (instead of letting them spin on SQLITE_BUSY)
/// keeps latency fair and lets a transaction hold the writer across awaits.
/// <para>
/// Group commit: writers queue up, and whoever holds the writer runs every queued write, each inside its own
/// savepoint, then commits them together with one fsync. A write that fails is rolled back to its savepoint
/// alone; none is acknowledged before the commit that holds it is on disk, and if that commit fails every
/// write in it fails. Under concurrency one fsync then serves many writes instead of one.
/// </para>
/// </summary>
internal sealed class WriterGate : IDisposable
{
    /// <summary>Writes per commit at most, so one commit's latency stays bounded under a flood.</summary>
    private const int MaxBatch = 256;

    private readonly SqliteSlot writer;
    private readonly ConcurrentQueue<IPendingWrite> queue = new();
    private readonly SemaphoreSlim queued = new(0);
    private readonly Thread thread;
    private volatile bool closing;
    private long commits;

    // Set while the current async flow runs a transaction: an auto-commit write from inside would wait for itself.
    private readonly AsyncLocal<bool> insideTransaction = new();

    /// <summary>
    /// The writer runs on a thread of its own: SQLite's commit blocks in fsync, and on a pool thread that block
    /// would keep the very callers whose writes should join the next commit from running.
    /// </summary>
    public WriterGate(SqliteSlot writer)
    {
        this.writer = writer;
        thread = new Thread(Loop) { IsBackground = true, Name = "sqlite-writer" };
        thread.Start();
    }

    public bool InsideTransaction => insideTransaction.Value;

    /// <summary>Commits made so far (each one fsync); fewer than the writes acknowledged when writers shared them.</summary>
    public long Commits => Interlocked.Read(ref commits);

    /// <summary>
    /// Runs <paramref name="work"/> atomically and durably (in a savepoint of a shared transaction), completing
    /// only after its commit; rolled back when it throws or when the call is cancelled before it commits.
    /// </summary>
    public Task<TResult> RunAsync<TResult>(Func<SqliteSlot, Task<TResult>> work, bool asTransaction, CancellationToken cancellationToken)
    {
        if (insideTransaction.Value)
        {
            throw new InvalidOperationException(
                "This store is already in a transaction on this call path: use the transaction's collections (tx.Collection(...)) inside TransactAsync.");
        }

        ObjectDisposedException.ThrowIf(closing, this);
        cancellationToken.ThrowIfCancellationRequested();

        // Not cancellable once queued: a write the writer has started must be seen to its commit.
        var pending = new PendingWrite<TResult>(work, asTransaction, ExecutionContext.Capture(), cancellationToken);
        queue.Enqueue(pending);
        queued.Release();
        return pending.Completion;
    }

    /// <summary>Lets the queued writes finish and refuses new ones, so the store can close the connection.</summary>
    public Task DrainAsync()
    {
        closing = true;
        var barrier = new PendingWrite<bool>(_ => Task.FromResult(true), false, null, CancellationToken.None);
        queue.Enqueue(barrier);
        queued.Release();
        return barrier.Completion;
    }

    public void Dispose()
    {
        closing = true;
        queued.Release();
        thread.Join();
        queued.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            queued.Wait();
            if (queue.IsEmpty)
            {
                if (closing)
                {
                    return;
                }

                continue;
            }

            RunBatch();
        }
    }

    private void RunBatch()
    {
        try
        {
            writer.Execute("BEGIN IMMEDIATE");
        }
        catch (SqliteException e)
        {
            // Another process holds the file past the busy timeout: the writes waiting now cannot run.
            while (queue.TryDequeue(out var waiting))
            {
                waiting.Fail(e);
            }

            return;
        }

        var ran = new List<IPendingWrite>();
        while (ran.Count < MaxBatch && queue.TryDequeue(out var next))
        {
            if (next.Cancellation.IsCancellationRequested)
            {
                next.Fail(new OperationCanceledException(next.Cancellation));
                continue;
            }

            try
            {
                writer.Execute("SAVEPOINT batched_write");

                // SQLite calls complete synchronously; a transaction that awaits something else holds the writer meanwhile.
                next.RunAsync(writer, insideTransaction).GetAwaiter().GetResult();
                next.Cancellation.ThrowIfCancellationRequested();
                writer.Execute("RELEASE batched_write");
                ran.Add(next);
            }
            catch (Exception e)
            {
                next.Fail(e);
                if (!UndoLastWrite())
                {
                    // SQLite ended the transaction itself (I/O error, disk full): the earlier writes went with it.
                    RollBack();
                    ran.ForEach(w => w.Fail(e));
                    return;
                }
            }
        }

        try
        {
            writer.Execute("COMMIT");
        }
        catch (Exception e)
        {
            RollBack();
            ran.ForEach(w => w.Fail(e));
            return;
        }

        Interlocked.Increment(ref commits);
        ran.ForEach(w => w.Succeed());
    }

    private bool UndoLastWrite()
    {
        try
        {
            writer.Execute("ROLLBACK TO batched_write");
            writer.Execute("RELEASE batched_write");
            return true;
        }
        catch (SqliteException)
        {
            return false;
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

    private interface IPendingWrite
    {
        CancellationToken Cancellation { get; }

        Task RunAsync(SqliteSlot slot, AsyncLocal<bool> inside);

        void Succeed();

        void Fail(Exception error);
    }

    /// <summary>One caller's write: run on the writer in the caller's execution context (its trace), held until the commit.</summary>
    private sealed class PendingWrite<TResult>(Func<SqliteSlot, Task<TResult>> work, bool asTransaction, ExecutionContext? context, CancellationToken cancellation)
        : IPendingWrite
    {
        // Asynchronous continuations: the caller must not resume on the writer thread in the middle of its batch.
        private readonly TaskCompletionSource<TResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TResult? result;

        public Task<TResult> Completion => completion.Task;

        public CancellationToken Cancellation => cancellation;

        public async Task RunAsync(SqliteSlot slot, AsyncLocal<bool> inside)
        {
            Task<TResult>? task = null;
            if (context is null)
            {
                inside.Value = asTransaction;
                task = work(slot);
            }
            else
            {
                // Inside Run the caller's AsyncLocals (Activity.Current, the transaction flag) apply, and do not leak out.
                ExecutionContext.Run(context, _ =>
                {
                    inside.Value = asTransaction;
                    task = work(slot);
                }, null);
            }

            try
            {
                result = await task!.ConfigureAwait(false);
            }
            finally
            {
                inside.Value = false;
            }
        }

        public void Succeed() => completion.TrySetResult(result!);

        public void Fail(Exception error)
        {
            if (error is OperationCanceledException && cancellation.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellation);
            }
            else
            {
                completion.TrySetException(error);
            }
        }
    }
}
