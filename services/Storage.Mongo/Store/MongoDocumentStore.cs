using System.Collections.Concurrent;
using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.ConnectionString;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// The production store: one MongoDB collection per <see cref="CollectionSpec"/> in the service's own database,
/// documents as <c>{ _id, _v, ...fields }</c>, indexes created by <see cref="MigrateAsync"/>, transactions as
/// multi-document transactions (a replica set is required). Writes default to w: "majority", j: true.
/// </summary>
public sealed class MongoDocumentStore : IDocumentStore
{
    /// <summary>Acknowledged means on a majority of members' journals unless the connection string says otherwise.</summary>
    public static readonly BsonDocument DefaultWriteConcern = new() { { "w", "majority" }, { "j", true } };

    private readonly MongoClient client;
    private readonly MongoDatabase database;
    private readonly TransactionRunner runner;
    private readonly ConcurrentDictionary<string, CollectionSpec> declared = new(StringComparer.Ordinal);
    private int disposed;

    private MongoDocumentStore(MongoClient client, string databaseName)
    {
        this.client = client;
        database = client.GetDatabase(databaseName);
        runner = new TransactionRunner(client);
    }

    public string DatabaseName => database.Name;

    /// <summary>
    /// Creates the store without touching the network (discovery starts in the background), so a service
    /// starts while MongoDB is still coming up; <see cref="PingAsync"/> reports when it answers.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is invalid or names no database.</exception>
    public static MongoDocumentStore Open(MongoStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        MongoConnectionString parsed;
        try
        {
            parsed = MongoConnectionString.Parse(options.ConnectionString);
        }
        catch (MongoConnectionStringException e)
        {
            throw new ArgumentException($"The MongoDB connection string is invalid: {e.Message}", nameof(options), e);
        }

        var databaseName = options.Database ?? parsed.Database;
        if (string.IsNullOrWhiteSpace(databaseName))
        {
            throw new ArgumentException(
                "No MongoDB database given: put it in the connection string's path (mongodb://host/<database>) or set Database (Storage:MongoDb:Database).", nameof(options));
        }

        return new MongoDocumentStore(new MongoClient(options.ConnectionString, options.CommandStarted, DefaultWriteConcern), databaseName);
    }

    public async Task MigrateAsync(IEnumerable<CollectionSpec> collections, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        var specs = collections.ToList();
        var migrator = new IndexMigrator(database);
        foreach (var spec in specs)
        {
            try
            {
                await migrator.MigrateAsync(spec, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StoreErrors.Translate(e, spec.Name) is { } translated)
            {
                // A new unique index over data that already breaks it names the index, as on SQLite.
                throw translated;
            }
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
        return new MongoStoreCollection<T>(spec, database.GetCollection(spec.Name), null, runner);
    }

    public Task<TResult> TransactAsync<TResult>(Func<ITransaction, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        return runner.RunAsync(
            async (session, ct) =>
            {
                // A fresh transaction object per attempt: one leaked from a failed attempt cannot write into the next.
                var transaction = new MongoStoreTransaction(session, CollectionOf, runner);
                try
                {
                    return await work(transaction, ct).ConfigureAwait(false);
                }
                finally
                {
                    transaction.Close();
                }
            },
            cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            ObjectDisposedException.ThrowIf(disposed != 0, this);

            // Sent to the primary: a service can only write when there is one.
            await client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreErrors.IsUnavailable(e) || e is MongoCommandException or ObjectDisposedException)
        {
            throw new StoreUnavailableException($"MongoDB database '{database.Name}' does not answer: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await client.DisposeAsync().ConfigureAwait(false);
    }

    private MongoCollection CollectionOf(CollectionSpec spec) => database.GetCollection(RequireDeclared(spec).Name);

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
