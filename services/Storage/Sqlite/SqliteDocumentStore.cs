using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file per service in WAL mode with synchronous=FULL, one serialised writer
/// connection and a pool of readers, each with its prepared statements.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteSlot writer;
    private readonly WriterGate gate;
    private readonly ReaderPool readers;
    private readonly AutoCommitSession autoCommit;
    private readonly ConcurrentDictionary<string, CollectionSpec> declared = new(StringComparer.Ordinal);
    private int disposed;

    private SqliteDocumentStore(SqliteSlot writer, ReaderPool readers)
    {
        this.writer = writer;
        this.readers = readers;
        gate = new WriterGate(writer);
        autoCommit = new AutoCommitSession(readers, gate);
    }

    public string Path { get; private init; } = "";

    /// <summary>Write transactions committed (fsyncs); concurrent writes share them.</summary>
    internal long Commits => gate.Commits;

    /// <summary>Opens (creating when missing) the file. Throws <see cref="StoreUnavailableException"/> when it cannot.</summary>
    public static Task<SqliteDocumentStore> OpenAsync(SqliteStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        cancellationToken.ThrowIfCancellationRequested();
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
        SqliteSlot? writer = null;
        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // The writer first: it creates the file and switches it to WAL before readers attach.
            writer = SqliteConnections.Open(options, readOnly: false);
            writer.Execute("SELECT count(*) FROM sqlite_master");
            var readers = new ReaderPool(options);
            return Task.FromResult(new SqliteDocumentStore(writer, readers) { Path = options.Path });
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            writer?.Dispose();
            throw new StoreUnavailableException($"Cannot open the SQLite store '{options.Path}': {e.Message}", e);
        }
    }

    public async Task MigrateAsync(IEnumerable<CollectionSpec> collections, CancellationToken cancellationToken = default)
    {
        var specs = collections.ToList();
        try
        {
            await gate.RunAsync(
                slot =>
                {
                    foreach (var spec in specs)
                    {
                        SqliteSchema.Migrate(slot, spec);
                    }

                    return Task.FromResult(true);
                },
                asTransaction: false,
                cancellationToken);
        }
        catch (SqliteException e) when (specs.Count > 0)
        {
            // A new unique index over data that already breaks it: report which one.
            var translated = specs.Select(s => SqliteErrors.Translate(e, s)).FirstOrDefault(x => x is DuplicateKeyException);
            if (translated is not null)
            {
                throw translated;
            }

            throw;
        }

        foreach (var spec in specs)
        {
            declared[spec.Name] = spec;
        }
    }

    public IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
        where T : class
    {
        RequireDeclared(spec);
        return new SqliteCollection<T>(spec, autoCommit);
    }

    public Task<TResult> TransactAsync<TResult>(Func<ITransaction, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        return gate.RunAsync(
            async slot =>
            {
                var transaction = new SqliteTransaction(slot, RequireDeclared);
                try
                {
                    return await work(transaction, cancellationToken);
                }
                finally
                {
                    transaction.Close();
                }
            },
            asTransaction: true,
            cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            ObjectDisposedException.ThrowIf(disposed != 0, this);
            await readers.ReadAsync(slot => slot.Command("SELECT 1").ExecuteScalar(), cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            throw new StoreUnavailableException($"The SQLite store '{Path}' does not answer: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Let a running write finish so nothing acknowledged is cut off, then close everything.
        await gate.DrainAsync();
        readers.Dispose();
        writer.Dispose();
        gate.Dispose();
    }

    private CollectionSpec RequireDeclared(CollectionSpec spec)
    {
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        if (!declared.TryGetValue(spec.Name, out var known))
        {
            throw new InvalidOperationException($"Collection '{spec.Name}' is not declared: pass it to MigrateAsync at start-up.");
        }

        return known;
    }
}
