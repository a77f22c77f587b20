using System.Text.Json;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// The stored shape of a value: <c>{ _id: id, _v: version, ...its JSON fields }</c> (the mapping in
/// services/Storage/README.md), and the way back to a <see cref="Document{T}"/>.
/// </summary>
internal static class StoredDocument
{
    public const string IdField = "_id";
    public const string VersionField = "_v";

    /// <summary>The store's path "id" is MongoDB's "_id"; every other path is used as is (dotted for nested fields).</summary>
    public static string Field(string path) => path == FieldPath.Id ? IdField : path;

    public static BsonDocument ToBson<T>(CollectionSpec<T> spec, string id, T value, long version)
        where T : class
    {
        var fields = JsonBson.ToBson(JsonSerializer.SerializeToElement(value, spec.Json));
        if (fields is not BsonDocument body)
        {
            throw new ArgumentException($"A '{spec.Name}' document must serialise to a JSON object.", nameof(value));
        }

        if (body.Contains(IdField) || body.Contains(VersionField))
        {
            throw new ArgumentException($"A '{spec.Name}' document must not have fields named {IdField} or {VersionField}; the store keeps its id and version there.", nameof(value));
        }

        var document = new BsonDocument { { IdField, id }, { VersionField, version } };
        document.AddRange(body);
        return document;
    }

    public static Document<T> FromBson<T>(CollectionSpec<T> spec, BsonDocument stored)
        where T : class
    {
        var value = JsonSerializer.Deserialize<T>(JsonBson.ToJson(stored, skipStoreFields: true), spec.Json)
            ?? throw new InvalidDataException($"A '{spec.Name}' document is JSON null.");
        return new Document<T>(stored[IdField].AsString, stored[VersionField].ToInt64(), value);
    }

    /// <summary>The value at a dotted path, or null when a step is missing (MongoDB sorts missing as null).</summary>
    public static BsonValue ValueAt(BsonDocument document, string path)
    {
        BsonValue current = document;
        foreach (var step in Field(path).Split('.'))
        {
            if (current is not BsonDocument nested || !nested.TryGetValue(step, out current!))
            {
                return BsonNull.Value;
            }
        }

        return current;
    }
}
