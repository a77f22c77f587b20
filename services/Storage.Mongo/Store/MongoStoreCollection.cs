using CapacityHub.Storage.Mongo.Commands;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// One collection's operations as MongoDB commands. With a transaction every command carries its session
/// (lsid, txnNumber, autocommit: false); without one each command is its own retryable operation.
/// </summary>
internal sealed class MongoStoreCollection<T>(CollectionSpec<T> spec, MongoCollection collection, MongoStoreTransaction? transaction, TransactionRunner runner)
    : IDocumentCollection<T>
    where T : class
{
    private const int MaxSeedAttempts = 3;

    public CollectionSpec<T> Spec => spec;

    private MongoSession? Session => transaction?.Session;

    public Task<Document<T>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return RunAsync(() => FirstAsync(new BsonDocument(StoredDocument.IdField, id), null, cancellationToken), cancellationToken);
    }

    public Task<Document<T>?> FindOneAsync(Filter filter, CancellationToken cancellationToken = default)
    {
        var query = QueryTranslator.Filter(filter.Bind(spec));
        return RunAsync(() => FirstAsync(query, QueryTranslator.Sort(null, false), cancellationToken), cancellationToken);
    }

    public Task<Page<T>> FindAsync(Query query, CancellationToken cancellationToken = default)
    {
        query.Validate(spec);
        var after = query.After is null ? null : ContinuationToken.Decode(query.After, query.OrderBy, query.Descending);
        var filter = QueryTranslator.Filter(query.Filter.Bind(spec), after);

        // One document more than the page tells whether another page exists, so the last page has no token.
        var options = new FindOptions { Sort = QueryTranslator.Sort(query.OrderBy, query.Descending), Limit = query.Limit + 1, BatchSize = query.Limit + 1 };
        return RunAsync(
            async () =>
            {
                var found = await collection.Find(filter, options, Session).ToListAsync(cancellationToken).ConfigureAwait(false);
                var items = found.Take(query.Limit).Select(d => StoredDocument.FromBson(spec, d)).ToList();
                string? next = null;
                if (found.Count > query.Limit)
                {
                    var last = found[query.Limit - 1];
                    var sortValue = query.OrderBy is null ? BsonNull.Value : StoredDocument.ValueAt(last, query.OrderBy);
                    next = new ContinuationToken(query.OrderBy, query.Descending, JsonBson.ToElement(sortValue), items[^1].Id).Encode();
                }

                return new Page<T>(items, next);
            },
            cancellationToken);
    }

    public Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default)
    {
        // aggregate rather than the count command: count is not allowed inside transactions.
        var pipeline = new BsonArray
        {
            new BsonDocument("$match", QueryTranslator.Filter(filter.Bind(spec))),
            new BsonDocument("$group", new BsonDocument { { "_id", 1 }, { "n", new BsonDocument("$sum", 1) } }),
        };
        return RunAsync(
            async () =>
            {
                var cursor = await collection.AggregateAsync(pipeline, session: Session, cancellationToken: cancellationToken).ConfigureAwait(false);
                await foreach (var result in cursor.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    return result["n"].ToInt64();
                }

                return 0L;
            },
            cancellationToken);
    }

    public Task<Document<T>> InsertAsync(T value, CancellationToken cancellationToken = default)
    {
        var id = RequireId(value);
        var document = StoredDocument.ToBson(spec, id, value, 1);
        return RunAsync(
            async () =>
            {
                await collection.InsertOneAsync(document, Session, cancellationToken).ConfigureAwait(false);
                return new Document<T>(id, 1, value);
            },
            cancellationToken);
    }

    public async Task<int> InsertManyAsync(IEnumerable<T> values, CancellationToken cancellationToken = default)
    {
        var documents = values.Select(v => StoredDocument.ToBson(spec, RequireId(v), v, 1)).ToList();
        if (documents.Count == 0)
        {
            return 0;
        }

        if (transaction is not null)
        {
            return await RunAsync(() => InsertBatchesAsync(documents, Session!, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        // All or none: MongoDB makes a multi-document insert atomic only inside a transaction.
        return await runner.RunAsync(
            (session, ct) => TranslatingAsync(() => InsertBatchesAsync(documents, session, ct), inTransaction: true),
            cancellationToken,
            spec.Name).ConfigureAwait(false);
    }

    public Task<Document<T>> ReplaceAsync(T value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var id = RequireId(value);
        var replacement = StoredDocument.ToBson(spec, id, value, expectedVersion + 1);
        var filter = new BsonDocument { { StoredDocument.IdField, id }, { StoredDocument.VersionField, expectedVersion } };
        return RunAsync(
            async () =>
            {
                var reply = await collection.ReplaceOneAsync(filter, replacement, session: Session, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (reply["n"].ToInt64() == 1)
                {
                    return new Document<T>(id, expectedVersion + 1, value);
                }

                var actual = await VersionOfAsync(id, cancellationToken).ConfigureAwait(false);
                throw actual is null
                    ? new DocumentNotFoundException(spec.Name, id)
                    : new ConcurrencyConflictException(spec.Name, id, expectedVersion, actual);
            },
            cancellationToken);
    }

    public Task<Document<T>> UpsertAsync(T value, CancellationToken cancellationToken = default)
    {
        var id = RequireId(value);
        var fields = StoredDocument.ToBson(spec, id, value, 0);
        fields.Remove(StoredDocument.VersionField);

        // A pipeline update replaces every field (so fields the new value lacks disappear) and bumps the
        // version in the same atomic step; on insert "$_v" is missing and the version becomes 1.
        var version = new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray(new BsonValue[] { "$" + StoredDocument.VersionField, 0 })), 1 });
        var update = new BsonArray
        {
            new BsonDocument("$replaceWith", new BsonDocument("$mergeObjects", new BsonArray
            {
                new BsonDocument("$literal", fields),
                new BsonDocument(StoredDocument.VersionField, version),
            })),
        };
        var command = CrudCommands.FindAndModify(collection.Name, new BsonDocument(StoredDocument.IdField, id), update, remove: false, returnNew: true, fields: new BsonDocument(StoredDocument.VersionField, 1), upsert: true);
        return RunAsync(
            async () =>
            {
                var stored = await collection.FindAndModifyAsync(command, Session, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException($"findAndModify with upsert on '{spec.Name}/{id}' returned no document.");
                return new Document<T>(id, stored[StoredDocument.VersionField].ToInt64(), value);
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var filter = new BsonDocument(StoredDocument.IdField, id);
        if (expectedVersion is { } expected)
        {
            filter[StoredDocument.VersionField] = expected;
        }

        return RunAsync(
            async () =>
            {
                var reply = await collection.DeleteOneAsync(filter, Session, cancellationToken).ConfigureAwait(false);
                if (reply["n"].ToInt64() == 1)
                {
                    return true;
                }

                var actual = expectedVersion is null ? null : await VersionOfAsync(id, cancellationToken).ConfigureAwait(false);
                return actual is null ? false : throw new ConcurrencyConflictException(spec.Name, id, expectedVersion, actual);
            },
            cancellationToken);
    }

    public Task<Document<T>> IncrementAsync(string id, IReadOnlyList<Increment> increments, T? seedIfMissing = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (increments.Count == 0)
        {
            throw new ArgumentException("At least one increment is required.", nameof(increments));
        }

        if (seedIfMissing is not null && RequireId(seedIfMissing) != id)
        {
            throw new ArgumentException($"The seed's id must be '{id}'.", nameof(seedIfMissing));
        }

        // A seed is stored as if inserted (version 1) and then incremented (version 2).
        BsonDocument? seed = null;
        if (seedIfMissing is not null)
        {
            seed = StoredDocument.ToBson(spec, id, seedIfMissing, 2);
            if (!Increments.ApplyTo(seed, increments))
            {
                throw new ArgumentException($"The seed for '{spec.Name}/{id}' holds a non-numeric value in an incremented field.", nameof(seedIfMissing));
            }
        }

        var increment = CrudCommands.FindAndModify(collection.Name, new BsonDocument(StoredDocument.IdField, id), Increments.Update(increments), remove: false, returnNew: true);
        return RunAsync(
            async () =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    var updated = await IncrementExistingAsync(id, increment, increments, cancellationToken).ConfigureAwait(false);
                    if (updated is not null)
                    {
                        return updated;
                    }

                    if (seed is null || attempt == MaxSeedAttempts)
                    {
                        throw new DocumentNotFoundException(spec.Name, id);
                    }

                    // $setOnInsert upsert: stores the seed only if the document is still missing. Unlike an insert,
                    // losing the race to another seeder is no error (which would abort a transaction); the
                    // loop then increments the winner's document.
                    var onInsert = new BsonDocument(seed);
                    onInsert.Remove(StoredDocument.IdField);
                    var reply = await collection.UpdateOneAsync(new BsonDocument(StoredDocument.IdField, id), new BsonDocument("$setOnInsert", onInsert), upsert: true, Session, cancellationToken).ConfigureAwait(false);
                    if (reply.Contains("upserted"))
                    {
                        return StoredDocument.FromBson(spec, seed);
                    }
                }
            },
            cancellationToken);
    }

    // CollectionSpec.RequireId is internal to CapacityHub.Storage; the same rule, for this backend.
    private string RequireId(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var id = spec.IdOf(value);
        return string.IsNullOrEmpty(id) ? throw new ArgumentException($"A document for '{spec.Name}' has no id.", nameof(value)) : id;
    }

    private async Task<Document<T>?> IncrementExistingAsync(string id, BsonDocument command, IReadOnlyList<Increment> increments, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await collection.FindAndModifyAsync(command, Session, cancellationToken).ConfigureAwait(false);
            return updated is null ? null : StoredDocument.FromBson(spec, updated);
        }
        catch (MongoCommandException e) when (e.Code == StoreErrors.TypeMismatch)
        {
            throw new ArgumentException(
                $"'{spec.Name}/{id}' holds a non-numeric value in one of {string.Join(", ", increments.Select(i => i.Path))}: {e.Message}", nameof(increments), e);
        }
    }

    private async Task<int> InsertBatchesAsync(List<BsonDocument> documents, MongoSession session, CancellationToken cancellationToken)
    {
        foreach (var batch in InsertBatches.Split(documents))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await collection.InsertManyAsync(batch, ordered: true, session, cancellationToken).ConfigureAwait(false);
        }

        return documents.Count;
    }

    private async Task<Document<T>?> FirstAsync(BsonDocument filter, BsonDocument? sort, CancellationToken cancellationToken)
    {
        var found = await collection.Find(filter, new FindOptions { Sort = sort, Limit = 1 }, Session).ToListAsync(cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : StoredDocument.FromBson(spec, found[0]);
    }

    private async Task<long?> VersionOfAsync(string id, CancellationToken cancellationToken)
    {
        var options = new FindOptions { Projection = new BsonDocument(StoredDocument.VersionField, 1), Limit = 1 };
        var found = await collection.Find(new BsonDocument(StoredDocument.IdField, id), options, Session).ToListAsync(cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0][StoredDocument.VersionField].ToInt64();
    }

    private Task<TResult> RunAsync<TResult>(Func<Task<TResult>> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        transaction?.EnsureOpen();
        return TranslatingAsync(operation, transaction is not null);
    }

    /// <summary>
    /// Data errors become the abstraction's exceptions. Inside a transaction, network and "not primary" errors
    /// are left to <see cref="TransactionRunner"/>, which retries the whole transaction on them.
    /// </summary>
    private async Task<TResult> TranslatingAsync<TResult>(Func<Task<TResult>> operation, bool inTransaction)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (StoreErrors.IsDuplicateKey(e) || (!inTransaction && StoreErrors.IsUnavailable(e)))
        {
            throw StoreErrors.Translate(e, spec.Name)!;
        }
    }
}
