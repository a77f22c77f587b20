using CapacityHub.Storage.Mongo.Topology;
using CapacityHub.Storage.Mongo.Wire;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>CRUD on one collection. Writes are retryable (once) unless retryWrites=false or inside a transaction.</summary>
public sealed class MongoCollection(MongoDatabase database, string name)
{
    public MongoDatabase Database { get; } = database;

    public string Name { get; } = name;

    private MongoClient Client => Database.Client;

    public async Task<BsonDocument> InsertManyAsync(IReadOnlyList<BsonDocument> documents, bool ordered = true, MongoSession? session = null, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
        {
            throw new ArgumentException("insert needs at least one document.", nameof(documents));
        }

        foreach (var document in documents.Where(d => !d.Contains("_id")))
        {
            // Drivers assign _id client-side so that a retried insert cannot create a second copy.
            document.InsertAt(0, new BsonElement("_id", ObjectId.GenerateNewId()));
        }

        var (body, sequence) = CrudCommands.Insert(Name, documents, ordered);
        return await WriteAsync(body, [sequence], session, cancellationToken).ConfigureAwait(false);
    }

    public Task<BsonDocument> InsertOneAsync(BsonDocument document, MongoSession? session = null, CancellationToken cancellationToken = default) =>
        InsertManyAsync([document], true, session, cancellationToken);

    public MongoCursorQuery Find(BsonDocument filter, FindOptions? options = null, MongoSession? session = null) => new(this, filter, options ?? new FindOptions(), session);

    public Task<BsonDocument> UpdateOneAsync(BsonDocument filter, BsonValue update, bool upsert = false, MongoSession? session = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(CrudCommands.UpdateStatement(filter, update, multi: false, upsert ? true : null), session, cancellationToken);

    public Task<BsonDocument> UpdateManyAsync(BsonDocument filter, BsonValue update, bool upsert = false, MongoSession? session = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(CrudCommands.UpdateStatement(filter, update, multi: true, upsert ? true : null), session, cancellationToken);

    public Task<BsonDocument> ReplaceOneAsync(BsonDocument filter, BsonDocument replacement, bool upsert = false, MongoSession? session = null, CancellationToken cancellationToken = default)
    {
        if (replacement.ElementCount > 0 && replacement.GetElement(0).Name.StartsWith('$'))
        {
            throw new ArgumentException("A replacement document must not contain update operators.", nameof(replacement));
        }

        return UpdateAsync(CrudCommands.UpdateStatement(filter, replacement, multi: false, upsert ? true : null), session, cancellationToken);
    }

    public Task<BsonDocument> DeleteOneAsync(BsonDocument filter, MongoSession? session = null, CancellationToken cancellationToken = default) =>
        DeleteAsync(CrudCommands.DeleteStatement(filter, many: false), session, cancellationToken);

    public Task<BsonDocument> DeleteManyAsync(BsonDocument filter, MongoSession? session = null, CancellationToken cancellationToken = default) =>
        DeleteAsync(CrudCommands.DeleteStatement(filter, many: true), session, cancellationToken);

    /// <summary>findAndModify; returns the "value" field (null when nothing matched).</summary>
    public async Task<BsonDocument?> FindAndModifyAsync(BsonDocument command, MongoSession? session = null, CancellationToken cancellationToken = default)
    {
        var reply = await WriteAsync(command, null, session, cancellationToken).ConfigureAwait(false);
        return reply.GetValue("value", BsonNull.Value) is BsonDocument value ? value : null;
    }

    public async Task<MongoCursor> AggregateAsync(BsonArray pipeline, int? batchSize = null, BsonValue? comment = null, MongoSession? session = null, CancellationToken cancellationToken = default)
    {
        var command = CrudCommands.Aggregate(Name, pipeline, batchSize, comment: comment);
        var writes = pipeline.Any(stage => stage.AsBsonDocument.Names.Any(n => n is "$out" or "$merge"));
        var (reply, address) = await Client.Executor.ExecuteAsync(Database.Name, command, null, new OperationOptions(writes, !writes, session ?? Client.ImplicitSession(), writes ? null : Client.DefaultReadPreference), cancellationToken).ConfigureAwait(false);
        return new MongoCursor(this, reply, address, batchSize, session, CommentForGetMore(address, comment));
    }

    /// <summary>The count command's fast, metadata-based total (what the CRUD spec calls estimatedDocumentCount).</summary>
    public async Task<long> EstimatedDocumentCountAsync(int? maxTimeMS = null, MongoSession? session = null, CancellationToken cancellationToken = default)
    {
        var (reply, _) = await Client.Executor.ExecuteAsync(Database.Name, CrudCommands.Count(Name, maxTimeMS: maxTimeMS), null, new OperationOptions(false, true, session ?? Client.ImplicitSession(), Client.DefaultReadPreference), cancellationToken).ConfigureAwait(false);
        return reply["n"].ToInt64();
    }

    public async Task<long> CountAsync(BsonDocument? filter = null, MongoSession? session = null, CancellationToken cancellationToken = default)
    {
        var (reply, _) = await Client.Executor.ExecuteAsync(Database.Name, CrudCommands.Count(Name, filter), null, new OperationOptions(false, true, session ?? Client.ImplicitSession(), Client.DefaultReadPreference), cancellationToken).ConfigureAwait(false);
        return reply["n"].ToInt64();
    }

    public Task<BsonDocument> CreateIndexesAsync(IEnumerable<BsonDocument> indexes, MongoSession? session = null, CancellationToken cancellationToken = default) =>
        WriteAsync(CrudCommands.CreateIndexes(Name, indexes), null, session, cancellationToken, retryable: false);

    public async Task DropAsync(MongoSession? session = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync(CrudCommands.Drop(Name), null, session, cancellationToken, retryable: false).ConfigureAwait(false);
        }
        catch (MongoCommandException e) when (e.Code == 26)
        {
            // NamespaceNotFound: dropping a collection that is not there already has the requested outcome.
        }
    }

    /// <summary>Servers before 4.4 (wire 9) reject comment on getMore, so it is only repeated for newer ones.</summary>
    internal BsonValue? CommentForGetMore(string address, BsonValue? comment) =>
        comment is not null && Client.Cluster.Description.Servers.TryGetValue(address, out var server) && server.MaxWireVersion >= 9 ? comment : null;

    internal async Task<BsonDocument> RunOnServerAsync(BsonDocument command, string address, MongoSession? session, CancellationToken cancellationToken)
    {
        // getMore and killCursors must reach the server that owns the cursor, so they bypass selection.
        var (reply, _) = await Client.Executor.ExecuteAsync(Database.Name, command, null, new OperationOptions(false, false, session, PinnedAddress: address), cancellationToken).ConfigureAwait(false);
        return reply;
    }

    internal async Task<(BsonDocument Reply, string Address)> ReadAsync(BsonDocument command, MongoSession? session, CancellationToken cancellationToken) =>
        await Client.Executor.ExecuteAsync(Database.Name, command, null, new OperationOptions(false, true, session ?? Client.ImplicitSession(), Client.DefaultReadPreference), cancellationToken).ConfigureAwait(false);

    private Task<BsonDocument> UpdateAsync(BsonDocument statement, MongoSession? session, CancellationToken cancellationToken)
    {
        var (body, sequence) = CrudCommands.Update(Name, [statement]);
        return WriteAsync(body, [sequence], session, cancellationToken);
    }

    private Task<BsonDocument> DeleteAsync(BsonDocument statement, MongoSession? session, CancellationToken cancellationToken)
    {
        var (body, sequence) = CrudCommands.Delete(Name, [statement]);
        return WriteAsync(body, [sequence], session, cancellationToken);
    }

    private async Task<BsonDocument> WriteAsync(BsonDocument body, IReadOnlyList<DocumentSequence>? sequences, MongoSession? session, CancellationToken cancellationToken, bool retryable = true)
    {
        var options = new OperationOptions(IsWrite: true, Retryable: retryable, Session: session ?? Client.ImplicitSession());
        return (await Client.Executor.ExecuteAsync(Database.Name, body, sequences, options, cancellationToken).ConfigureAwait(false)).Reply;
    }
}
