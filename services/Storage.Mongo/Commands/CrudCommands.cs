using CapacityHub.Storage.Mongo.Wire;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>
/// The command documents of the CRUD spec, built without I/O so their shape can be compared with the spec's
/// expected commandStartedEvent documents. Bulk payloads go in OP_MSG kind 1 sequences.
/// </summary>
public static class CrudCommands
{
    public static (BsonDocument Body, DocumentSequence Documents) Insert(string collection, IReadOnlyList<BsonDocument> documents, bool ordered = true, bool? bypassDocumentValidation = null, BsonValue? comment = null)
    {
        var body = new BsonDocument { { "insert", collection }, { "ordered", ordered } };
        AddIf(body, "bypassDocumentValidation", bypassDocumentValidation);
        AddIf(body, "comment", comment);
        return (body, new DocumentSequence("documents", documents));
    }

    public static BsonDocument Find(string collection, BsonDocument filter, FindOptions? options = null)
    {
        options ??= new FindOptions();
        var body = new BsonDocument { { "find", collection }, { "filter", filter } };
        AddIf(body, "sort", options.Sort);
        AddIf(body, "projection", options.Projection);
        AddIf(body, "hint", options.Hint);
        AddIf(body, "skip", options.Skip);
        AddIf(body, "limit", options.Limit);

        // With batchSize == limit the server would keep the cursor open for a pointless getMore; one more lets it close.
        AddIf(body, "batchSize", options.BatchSize is { } size && size == options.Limit && size > 0 ? size + 1 : options.BatchSize);
        AddIf(body, "comment", options.Comment);
        AddIf(body, "let", options.Let);
        AddIf(body, "collation", options.Collation);
        AddIf(body, "allowDiskUse", options.AllowDiskUse);
        return body;
    }

    public static BsonDocument GetMore(long cursorId, string collection, int? batchSize, BsonValue? comment = null)
    {
        var body = new BsonDocument { { "getMore", cursorId }, { "collection", collection } };
        AddIf(body, "batchSize", batchSize);
        AddIf(body, "comment", comment);
        return body;
    }

    public static BsonDocument KillCursors(string collection, params long[] cursorIds) =>
        new() { { "killCursors", collection }, { "cursors", new BsonArray(cursorIds) } };

    public static (BsonDocument Body, DocumentSequence Updates) Update(string collection, IReadOnlyList<BsonDocument> statements, bool ordered = true, BsonDocument? let = null, BsonValue? comment = null, bool? bypassDocumentValidation = null)
    {
        var body = new BsonDocument { { "update", collection }, { "ordered", ordered } };
        AddIf(body, "let", let);
        AddIf(body, "comment", comment);
        AddIf(body, "bypassDocumentValidation", bypassDocumentValidation);
        return (body, new DocumentSequence("updates", statements));
    }

    /// <summary>One update statement; <paramref name="update"/> is an operator document, a pipeline array or a replacement.</summary>
    public static BsonDocument UpdateStatement(BsonDocument filter, BsonValue update, bool multi, bool? upsert = null, BsonArray? arrayFilters = null, BsonValue? hint = null, BsonDocument? collation = null, BsonDocument? sort = null)
    {
        var statement = new BsonDocument { { "q", filter }, { "u", update } };
        if (multi)
        {
            statement["multi"] = true;
        }

        AddIf(statement, "upsert", upsert);
        AddIf(statement, "arrayFilters", arrayFilters);
        AddIf(statement, "hint", hint);
        AddIf(statement, "collation", collation);
        AddIf(statement, "sort", sort);
        return statement;
    }

    public static (BsonDocument Body, DocumentSequence Deletes) Delete(string collection, IReadOnlyList<BsonDocument> statements, bool ordered = true, BsonDocument? let = null, BsonValue? comment = null)
    {
        var body = new BsonDocument { { "delete", collection }, { "ordered", ordered } };
        AddIf(body, "let", let);
        AddIf(body, "comment", comment);
        return (body, new DocumentSequence("deletes", statements));
    }

    public static BsonDocument DeleteStatement(BsonDocument filter, bool many, BsonValue? hint = null, BsonDocument? collation = null)
    {
        var statement = new BsonDocument { { "q", filter }, { "limit", many ? 0 : 1 } };
        AddIf(statement, "hint", hint);
        AddIf(statement, "collation", collation);
        return statement;
    }

    public static BsonDocument FindAndModify(string collection, BsonDocument query, BsonValue? update, bool remove, bool returnNew, BsonDocument? sort = null, BsonDocument? fields = null, bool? upsert = null, BsonArray? arrayFilters = null, BsonValue? hint = null, BsonDocument? let = null, BsonValue? comment = null, BsonDocument? collation = null, bool? bypassDocumentValidation = null)
    {
        var body = new BsonDocument { { "findAndModify", collection }, { "query", query } };
        AddIf(body, "sort", sort);
        if (remove)
        {
            body["remove"] = true;
        }
        else
        {
            body["update"] = update ?? throw new ArgumentException("findAndModify needs an update unless it removes.", nameof(update));
            body["new"] = returnNew;
        }

        AddIf(body, "fields", fields);
        AddIf(body, "upsert", upsert);
        AddIf(body, "arrayFilters", arrayFilters);
        AddIf(body, "hint", hint);
        AddIf(body, "let", let);
        AddIf(body, "comment", comment);
        AddIf(body, "collation", collation);
        AddIf(body, "bypassDocumentValidation", bypassDocumentValidation);
        return body;
    }

    public static BsonDocument Aggregate(string collection, BsonArray pipeline, int? batchSize = null, bool? allowDiskUse = null, BsonDocument? let = null, BsonValue? comment = null, BsonValue? hint = null, BsonDocument? collation = null, bool? bypassDocumentValidation = null)
    {
        var body = new BsonDocument { { "aggregate", collection }, { "pipeline", pipeline }, { "cursor", batchSize is null ? new BsonDocument() : new BsonDocument("batchSize", batchSize.Value) } };
        AddIf(body, "allowDiskUse", allowDiskUse);
        AddIf(body, "let", let);
        AddIf(body, "comment", comment);
        AddIf(body, "hint", hint);
        AddIf(body, "collation", collation);
        AddIf(body, "bypassDocumentValidation", bypassDocumentValidation);
        return body;
    }

    public static BsonDocument Count(string collection, BsonDocument? query = null, BsonValue? comment = null, int? maxTimeMS = null)
    {
        var body = new BsonDocument("count", collection);
        AddIf(body, "query", query);
        AddIf(body, "comment", comment);
        AddIf(body, "maxTimeMS", maxTimeMS);
        return body;
    }

    public static BsonDocument Distinct(string collection, string key, BsonDocument filter, BsonValue? comment = null, BsonDocument? collation = null, BsonValue? hint = null)
    {
        var body = new BsonDocument { { "distinct", collection }, { "key", key }, { "query", filter } };
        AddIf(body, "comment", comment);
        AddIf(body, "collation", collation);
        AddIf(body, "hint", hint);
        return body;
    }

    public static BsonDocument CreateIndexes(string collection, IEnumerable<BsonDocument> indexes) =>
        new() { { "createIndexes", collection }, { "indexes", new BsonArray(indexes) } };

    public static BsonDocument Drop(string collection) => new("drop", collection);

    private static void AddIf(BsonDocument document, string name, BsonValue? value)
    {
        if (value is not null)
        {
            document[name] = value;
        }
    }

    private static void AddIf(BsonDocument document, string name, int? value)
    {
        if (value is not null)
        {
            document[name] = value.Value;
        }
    }

    private static void AddIf(BsonDocument document, string name, bool? value)
    {
        if (value is not null)
        {
            document[name] = value.Value;
        }
    }
}
