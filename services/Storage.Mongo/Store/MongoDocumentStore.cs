using System.Collections.Concurrent;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// The production store on MongoDB.Driver: one collection per <see cref="CollectionSpec"/> in the service's own
/// database, documents as <c>{ _id, _v, ...native BSON fields }</c>, indexes created by <see cref="MigrateAsync"/>,
/// transactions through the driver's WithTransactionAsync (a replica set is required). Writes default to
/// w: "majority", j: true; reads and writes are retryable.
/// </summary>
public sealed class MongoDocumentStore : IDocumentStore
{
    /// <summary>The driver's own ActivitySource: add it to the tracer so driver spans nest under the store's spans.</summary>
    public const string DriverActivitySource = MongoTelemetry.ActivitySourceName;

    /// <summary>Snapshot reads and majority commits: a transaction sees one consistent state and commits durably.</summary>
    internal static readonly TransactionOptions TransactionOptions = new(ReadConcern.Snapshot, ReadPreference.Primary, WriteConcern.WMajority);

    private readonly IMongoDatabase database;
    private readonly ConcurrentDictionary<string, CollectionSpec> declared = new(StringComparer.Ordinal);
    private int disposed;

    private MongoDocumentStore(IMongoClient client, string databaseName)
    {
        Client = client;
        database = client.GetDatabase(databaseName);
    }

    public string DatabaseName => database.DatabaseNamespace.DatabaseName;

    /// <summary>The process-wide client this store uses (shared with every store on the same connection string).</summary>
    public IMongoClient Client { get; }

    /// <summary>
    /// Creates the store without waiting for the network (the driver discovers the deployment in the
    /// background), so a service starts while MongoDB is still coming up; <see cref="PingAsync"/> reports when it answers.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is invalid or names no database.</exception>
    public static MongoDocumentStore Open(MongoStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        MongoUrl url;
        try
        {
            url = MongoUrl.Create(options.ConnectionString);
        }
        catch (Exception e) when (e is MongoConfigurationException or FormatException or ArgumentException)
        {
            throw new ArgumentException($"The MongoDB connection string is invalid: {e.Message}", nameof(options), e);
        }

        var databaseName = options.Database ?? url.DatabaseName;
        if (string.IsNullOrWhiteSpace(databaseName))
        {
            throw new ArgumentException(
                "No MongoDB database given: put it in the connection string's path (mongodb://host/<database>) or set Database (Storage:MongoDb:Database).", nameof(options));
        }

        return new MongoDocumentStore(MongoClients.For(url), databaseName);
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
            catch (Exception e) when (StoreErrors.Translate(e, spec) is { } translated)
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
        return new MongoStoreCollection<T>(spec, database.GetCollection<BsonDocument>(spec.Name), null);
    }

    public async Task<TResult> TransactAsync<TResult>(Func<ITransaction, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        try
        {
            using var session = await Client.StartSessionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

            // The driver runs the callback again on TransientTransactionError (write conflicts, elections)
            // and retries a commit whose outcome is unknown, for up to two minutes.
            return await session.WithTransactionAsync(
                async (s, ct) =>
                {
                    // A fresh transaction object per attempt: one leaked from a failed attempt cannot write into the next.
                    var transaction = new MongoStoreTransaction(s, CollectionOf);
                    try
                    {
                        return await work(transaction, ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        transaction.Close();
                    }
                },
                TransactionOptions,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreErrors.IsUnavailable(e))
        {
            throw new StoreUnavailableException($"MongoDB did not complete the transaction: {e.Message}", e);
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            ObjectDisposedException.ThrowIf(disposed != 0, this);

            // Sent to the primary: a service can only write when there is one.
            await database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), ReadPreference.Primary, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreErrors.IsUnavailable(e) || e is MongoException or ObjectDisposedException)
        {
            throw new StoreUnavailableException($"MongoDB database '{DatabaseName}' does not answer: {e.Message}", e);
        }
    }

    /// <summary>The client is shared by the whole process (<see cref="MongoClients"/>), so disposing a store leaves it open.</summary>
    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref disposed, 1);
        return ValueTask.CompletedTask;
    }

    private IMongoCollection<BsonDocument> CollectionOf(CollectionSpec spec) => database.GetCollection<BsonDocument>(RequireDeclared(spec).Name);

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
