using MongoDB.Bson;
using MongoDB.Driver;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// The MongoDB index a declared <see cref="IndexSpec"/> becomes: the declared name, the same paths ascending.
/// Plain indexes get _id appended so one index serves the keyset order (sort path, then _id). Unique indexes
/// are partial: only documents whose indexed fields all hold a non-null value are constrained.
/// </summary>
internal static class IndexDefinitions
{
    /// <summary>BSON types a uniquely indexed field may hold to be constrained (everything but null and missing).</summary>
    private static readonly BsonArray ConstrainedTypes = ["string", "number", "bool", "date", "objectId", "object", "array", "binData"];

    public static BsonDocument For(IndexSpec index)
    {
        var key = new BsonDocument();
        foreach (var path in index.Paths)
        {
            key[StoredDocument.Field(path)] = 1;
        }

        if (!index.Unique && !key.Contains(StoredDocument.IdField))
        {
            key[StoredDocument.IdField] = 1;
        }

        var definition = new BsonDocument { { "key", key }, { "name", index.Name } };
        if (index.Unique)
        {
            definition["unique"] = true;
            var partial = new BsonDocument();
            foreach (var path in index.Paths.Where(p => p != FieldPath.Id))
            {
                partial[StoredDocument.Field(path)] = new BsonDocument("$type", ConstrainedTypes);
            }

            if (partial.ElementCount > 0)
            {
                definition["partialFilterExpression"] = partial;
            }
        }

        return definition;
    }

    /// <summary>The driver's createIndexes model of a definition made by <see cref="For"/>.</summary>
    public static CreateIndexModel<BsonDocument> Model(BsonDocument definition)
    {
        var options = new CreateIndexOptions<BsonDocument> { Name = definition["name"].AsString };
        if (definition.GetValue("unique", false).ToBoolean())
        {
            options.Unique = true;
        }

        if (definition.GetValue("partialFilterExpression", BsonNull.Value) is BsonDocument partial)
        {
            options.PartialFilterExpression = partial;
        }

        return new CreateIndexModel<BsonDocument>(definition["key"].AsBsonDocument, options);
    }

    /// <summary>Whether an index the server lists is the one declared (same key, uniqueness and partial filter).</summary>
    public static bool Matches(BsonDocument existing, BsonDocument declared) =>
        Normalised(existing["key"].AsBsonDocument).Equals(Normalised(declared["key"].AsBsonDocument))
        && existing.GetValue("unique", false).ToBoolean() == declared.GetValue("unique", false).ToBoolean()
        && existing.GetValue("partialFilterExpression", BsonNull.Value).Equals(declared.GetValue("partialFilterExpression", BsonNull.Value));

    // Servers may list key directions as 1, 1L or 1.0; compare them as numbers.
    private static BsonDocument Normalised(BsonDocument key) =>
        new(key.Select(e => new BsonElement(e.Name, e.Value.IsNumeric ? e.Value.ToDouble() : e.Value)));
}
