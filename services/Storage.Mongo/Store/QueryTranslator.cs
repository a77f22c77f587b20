using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// Turns the abstraction's filters, keyset positions and orders into MongoDB query and sort documents.
/// Equality with null matches missing fields too, as SQLite's json_extract IS NULL does.
/// </summary>
internal static class QueryTranslator
{
    public static BsonDocument Filter(IReadOnlyList<BoundCondition> conditions, ContinuationToken? after = null)
    {
        var clauses = conditions.Select(Clause).ToList();
        if (after is not null)
        {
            clauses.Add(After(after));
        }

        return Combine(clauses);
    }

    /// <summary>The sort path then _id, both in the query's direction (without an order: _id alone).</summary>
    public static BsonDocument Sort(string? orderBy, bool descending)
    {
        var direction = descending ? -1 : 1;
        var sort = new BsonDocument();
        if (orderBy is not null && orderBy != FieldPath.Id)
        {
            sort[StoredDocument.Field(orderBy)] = direction;
        }

        sort[StoredDocument.IdField] = direction;
        return sort;
    }

    /// <summary>
    /// Documents strictly after (sortValue, id) in the page order. MongoDB puts null/missing first ascending
    /// and last descending, which the null branches follow.
    /// </summary>
    public static BsonDocument After(ContinuationToken token)
    {
        var id = new BsonString(token.Id);
        var idAfter = new BsonDocument(token.Descending ? "$lt" : "$gt", id);
        if (token.OrderBy is null || token.OrderBy == FieldPath.Id)
        {
            return new BsonDocument(StoredDocument.IdField, idAfter);
        }

        var field = StoredDocument.Field(token.OrderBy);
        var value = JsonBson.ToBson(token.SortValue);
        if (value.IsBsonNull)
        {
            var sameNull = new BsonDocument { { field, BsonNull.Value }, { StoredDocument.IdField, idAfter } };
            return token.Descending
                ? sameNull
                : new BsonDocument("$or", new BsonArray { sameNull, new BsonDocument(field, new BsonDocument("$ne", BsonNull.Value)) });
        }

        var branches = new BsonArray
        {
            new BsonDocument(field, new BsonDocument(token.Descending ? "$lt" : "$gt", value)),
            new BsonDocument { { field, value }, { StoredDocument.IdField, idAfter } },
        };
        if (token.Descending)
        {
            branches.Add(new BsonDocument(field, BsonNull.Value));
        }

        return new BsonDocument("$or", branches);
    }

    private static BsonDocument Clause(BoundCondition condition)
    {
        var field = StoredDocument.Field(condition.Path);
        switch (condition.Kind)
        {
            case ConditionKind.Equal:
                return new BsonDocument(field, JsonBson.ToBson(condition.Values[0]));
            case ConditionKind.In:
                return new BsonDocument(field, new BsonDocument("$in", new BsonArray(condition.Values.Select(JsonBson.ToBson))));
            case ConditionKind.Contains:
                // The text is escaped, so the expression matches it literally.
                return new BsonDocument(field, new BsonRegularExpression(System.Text.RegularExpressions.Regex.Escape(condition.Values[0].GetString() ?? "")));
            case ConditionKind.Range:
                var range = new BsonDocument();
                if (condition.From is { } from)
                {
                    range["$gte"] = NotNull(from, condition.Path);
                }

                if (condition.To is { } to)
                {
                    range["$lt"] = NotNull(to, condition.Path);
                }

                return new BsonDocument(field, range);
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown condition.");
        }
    }

    /// <summary>One clause per path reads best on the wire; two on the same path (or two $or) need $and.</summary>
    private static BsonDocument Combine(List<BsonDocument> clauses)
    {
        var names = clauses.Select(c => c.GetElement(0).Name).ToList();
        if (names.Count == names.Distinct(StringComparer.Ordinal).Count())
        {
            var merged = new BsonDocument();
            foreach (var clause in clauses)
            {
                merged.AddRange(clause);
            }

            return merged;
        }

        return new BsonDocument("$and", new BsonArray(clauses));
    }

    private static BsonValue NotNull(System.Text.Json.JsonElement bound, string path)
    {
        var value = JsonBson.ToBson(bound);
        return value.IsBsonNull ? throw new InvalidQueryException(path, $"A range on '{path}' cannot end at null.") : value;
    }
}
