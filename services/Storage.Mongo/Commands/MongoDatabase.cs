using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>A database: collections and arbitrary commands.</summary>
public sealed class MongoDatabase(MongoClient client, string name)
{
    public string Name { get; } = name;

    internal MongoClient Client { get; } = client;

    public MongoCollection GetCollection(string collectionName) => new(this, collectionName);

    /// <summary>Runs a command on the primary without retry (the caller knows whether repeating it is safe).</summary>
    public async Task<BsonDocument> RunCommandAsync(BsonDocument command, MongoSession? session = null, CancellationToken cancellationToken = default) =>
        (await Client.Executor.ExecuteAsync(Name, command, null, new OperationOptions(IsWrite: true, Retryable: false, Session: session), cancellationToken).ConfigureAwait(false)).Reply;
}
