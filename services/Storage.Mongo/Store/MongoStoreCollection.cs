using MongoDB.Bson;
using MongoDB.Driver;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// One collection's operations through MongoDB.Driver. Inside a transaction every operation carries its
/// session; outside, each is its own retryable operation with the client's majority write concern.
/// </summary>
internal sealed class MongoStoreCollection<T>(CollectionSpec<T> spec, IMongoCollection<BsonDocument> collection, MongoStoreTransaction? transaction)
    : IDocumentCollection<T>
    where T : class
{
    private const int MaxSeedAttempts = 3;

    public CollectionSpec<T> Spec => spec;

    private IClientSessionHandle? Session => transaction?.Session;

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
        var options = new FindOptions<BsonDocument> { Sort = QueryTranslator.Sort(query.OrderBy, query.Descending), Limit = query.Limit + 1, BatchSize = query.Limit + 1 };
        return RunAsync(
            async () =>
            {
                var found = await ToListAsync(filter, options, cancellationToken).ConfigureAwait(false);
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
        // countDocuments is an aggregation, which (unlike the count command) runs inside transactions.
        var query = QueryTranslator.Filter(filter.Bind(spec));
        return RunAsync(
            () => Session is { } session
                ? collection.CountDocumentsAsync(session, query, cancellationToken: cancellationToken)
                : collection.CountDocumentsAsync(query, cancellationToken: cancellationToken),
            cancellationToken);
    }

    public Task<Document<T>> InsertAsync(T value, CancellationToken cancellationToken = default)
    {
        var id = RequireId(value);
        var document = StoredDocument.ToBson(spec, id, value, 1);
        return RunAsync(
            async () =>
            {
                if (Session is { } session)
                {
                    await collection.InsertOneAsync(session, document, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await collection.InsertOneAsync(document, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

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

        var ordered = new InsertManyOptions { IsOrdered = true };
        if (Session is { } session)
        {
            return await RunAsync(
                async () =>
                {
                    await collection.InsertManyAsync(session, documents, ordered, cancellationToken).ConfigureAwait(false);
                    return documents.Count;
                },
                cancellationToken).ConfigureAwait(false);
        }

        // All or none: MongoDB makes a multi-document insert atomic only inside a transaction. The driver
        // splits the documents into batches under the server's message limits.
        var client = collection.Database.Client;
        return await TranslatingAsync(
            async () =>
            {
                using var own = await client.StartSessionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return await own.WithTransactionAsync(
                    async (s, ct) =>
                    {
                        await collection.InsertManyAsync(s, documents, ordered, ct).ConfigureAwait(false);
                        return documents.Count;
                    },
                    MongoDocumentStore.TransactionOptions,
                    cancellationToken).ConfigureAwait(false);
            },
            inTransaction: false).ConfigureAwait(false);
    }

    public Task<Document<T>> ReplaceAsync(T value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var id = RequireId(value);
        var replacement = StoredDocument.ToBson(spec, id, value, expectedVersion + 1);
        var filter = new BsonDocument { { StoredDocument.IdField, id }, { StoredDocument.VersionField, expectedVersion } };
        return RunAsync(
            async () =>
            {
                var result = Session is { } session
                    ? await collection.ReplaceOneAsync(session, filter, replacement, cancellationToken: cancellationToken).ConfigureAwait(false)
                    : await collection.ReplaceOneAsync(filter, replacement, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (result.MatchedCount == 1)
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
        var stages = new[]
        {
            new BsonDocument("$replaceWith", new BsonDocument("$mergeObjects", new BsonArray
            {
                new BsonDocument("$literal", fields),
                new BsonDocument(StoredDocument.VersionField, version),
            })),
        };
        var update = new PipelineUpdateDefinition<BsonDocument>(PipelineDefinition<BsonDocument, BsonDocument>.Create(stages));
        var options = new FindOneAndUpdateOptions<BsonDocument>
        {
            IsUpsert = true,
            ReturnDocument = ReturnDocument.After,
            Projection = new BsonDocument(StoredDocument.VersionField, 1),
        };
        var filter = new BsonDocument(StoredDocument.IdField, id);
        return RunAsync(
            async () =>
            {
                var stored = await FindOneAndUpdateAsync(filter, update, options, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException($"An upsert of '{spec.Name}/{id}' returned no document.");
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
                var result = Session is { } session
                    ? await collection.DeleteOneAsync(session, filter, cancellationToken: cancellationToken).ConfigureAwait(false)
                    : await collection.DeleteOneAsync(filter, cancellationToken).ConfigureAwait(false);
                if (result.DeletedCount == 1)
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

        var filter = new BsonDocument(StoredDocument.IdField, id);
        UpdateDefinition<BsonDocument> increment = Increments.Update(increments);
        var returnNew = new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After };
        return RunAsync(
            async () =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    var updated = await IncrementExistingAsync(id, filter, increment, returnNew, increments, cancellationToken).ConfigureAwait(false);
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
                    UpdateDefinition<BsonDocument> setOnInsert = new BsonDocument("$setOnInsert", onInsert);
                    var upsert = new UpdateOptions { IsUpsert = true };
                    var result = Session is { } session
                        ? await collection.UpdateOneAsync(session, filter, setOnInsert, upsert, cancellationToken).ConfigureAwait(false)
                        : await collection.UpdateOneAsync(filter, setOnInsert, upsert, cancellationToken).ConfigureAwait(false);
                    if (result.UpsertedId is not null)
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

    private async Task<Document<T>?> IncrementExistingAsync(
        string id, BsonDocument filter, UpdateDefinition<BsonDocument> update, FindOneAndUpdateOptions<BsonDocument> options, IReadOnlyList<Increment> increments, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await FindOneAndUpdateAsync(filter, update, options, cancellationToken).ConfigureAwait(false);
            return updated is null ? null : StoredDocument.FromBson(spec, updated);
        }
        catch (MongoCommandException e) when (e.Code == StoreErrors.TypeMismatch)
        {
            throw new ArgumentException(
                $"'{spec.Name}/{id}' holds a non-numeric value in one of {string.Join(", ", increments.Select(i => i.Path))}: {e.Message}", nameof(increments), e);
        }
    }

    private Task<BsonDocument?> FindOneAndUpdateAsync(BsonDocument filter, UpdateDefinition<BsonDocument> update, FindOneAndUpdateOptions<BsonDocument> options, CancellationToken cancellationToken) =>
        Session is { } session
            ? collection.FindOneAndUpdateAsync<BsonDocument?>(session, filter, update, options!, cancellationToken)
            : collection.FindOneAndUpdateAsync<BsonDocument?>(filter, update, options!, cancellationToken);

    private async Task<List<BsonDocument>> ToListAsync(FilterDefinition<BsonDocument> filter, FindOptions<BsonDocument> options, CancellationToken cancellationToken)
    {
        using var cursor = Session is { } session
            ? await collection.FindAsync(session, filter, options, cancellationToken).ConfigureAwait(false)
            : await collection.FindAsync(filter, options, cancellationToken).ConfigureAwait(false);
        return await cursor.ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Document<T>?> FirstAsync(BsonDocument filter, BsonDocument? sort, CancellationToken cancellationToken)
    {
        var found = await ToListAsync(filter, new FindOptions<BsonDocument> { Sort = sort, Limit = 1 }, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : StoredDocument.FromBson(spec, found[0]);
    }

    private async Task<long?> VersionOfAsync(string id, CancellationToken cancellationToken)
    {
        var options = new FindOptions<BsonDocument> { Projection = new BsonDocument(StoredDocument.VersionField, 1), Limit = 1 };
        var found = await ToListAsync(new BsonDocument(StoredDocument.IdField, id), options, cancellationToken).ConfigureAwait(false);
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
    /// stay the driver's, so that WithTransactionAsync sees their TransientTransactionError label and runs the
    /// whole transaction again; the store translates them once it gives up.
    /// </summary>
    private async Task<TResult> TranslatingAsync<TResult>(Func<Task<TResult>> operation, bool inTransaction)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (StoreErrors.IsDuplicateKey(e) || (!inTransaction && StoreErrors.IsUnavailable(e)))
        {
            throw StoreErrors.Translate(e, spec)!;
        }
    }
}
