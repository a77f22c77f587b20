using CapacityHub.Storage.Mongo.Connection;
using CapacityHub.Storage.Mongo.ConnectionString;
using CapacityHub.Storage.Mongo.Topology;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>The entry point: parses the connection string, starts discovery, and hands out databases and sessions.</summary>
public sealed class MongoClient : IAsyncDisposable
{
    /// <param name="connectionString">A mongodb:// string.</param>
    /// <param name="commandStarted">Command monitoring: called with every command as sent.</param>
    /// <param name="defaultWriteConcern">Used when the connection string sets neither w, journal nor wtimeoutMS.</param>
    public MongoClient(string connectionString, Action<CommandStartedEvent>? commandStarted = null, MongoDB.Bson.BsonDocument? defaultWriteConcern = null)
    {
        Settings = MongoConnectionString.Parse(connectionString);
        Cluster = new MongoCluster(Settings, new ConnectionFactory(ConnectionSettings.From(Settings)));
        Executor = new OperationExecutor(Cluster, Settings.RetryWrites, WriteConcernDocument(Settings) ?? defaultWriteConcern, commandStarted);
    }

    public MongoConnectionString Settings { get; }

    public MongoCluster Cluster { get; }

    internal OperationExecutor Executor { get; }

    public MongoDatabase GetDatabase(string name) => new(this, name);

    public MongoSession StartSession() => new(this, isImplicit: false);

    internal MongoSession ImplicitSession() => new(this, isImplicit: true);

    public ReadPreference DefaultReadPreference => ReadPreference.Parse(Settings.ReadPreference, Settings.ReadPreferenceTags);

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();

    /// <summary>w, journal and wtimeoutMS from the connection string; null (server default) when none is given.</summary>
    private static MongoDB.Bson.BsonDocument? WriteConcernDocument(MongoConnectionString settings)
    {
        var document = new MongoDB.Bson.BsonDocument();
        if (settings.W is { } w)
        {
            document["w"] = w;
        }

        if (settings.Journal is { } journal)
        {
            document["j"] = journal;
        }

        if (settings.WTimeoutMs is { } timeout)
        {
            document["wtimeout"] = timeout;
        }

        return document.ElementCount == 0 ? null : document;
    }
}
