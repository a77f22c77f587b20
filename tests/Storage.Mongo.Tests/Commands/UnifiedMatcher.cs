using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Commands;

/// <summary>
/// The unified test format's matching rules for the parts the CRUD files use: extra fields only at the root,
/// numbers compared by value across int/long/double, and the $$exists, $$type and $$unsetOrMatches operators.
/// Returns null on a match, else a path and reason.
/// </summary>
internal static class UnifiedMatcher
{
    private static readonly Dictionary<string, BsonType> TypeAliases = new()
    {
        ["int"] = BsonType.Int32,
        ["long"] = BsonType.Int64,
        ["double"] = BsonType.Double,
        ["decimal"] = BsonType.Decimal128,
        ["string"] = BsonType.String,
        ["object"] = BsonType.Document,
        ["array"] = BsonType.Array,
        ["binData"] = BsonType.Binary,
        ["objectId"] = BsonType.ObjectId,
        ["bool"] = BsonType.Boolean,
        ["date"] = BsonType.DateTime,
        ["null"] = BsonType.Null,
        ["timestamp"] = BsonType.Timestamp,
    };

    public static string? Match(BsonValue expected, BsonValue? actual, string path = "", bool root = true)
    {
        if (expected is BsonDocument { ElementCount: 1 } special && special.GetElement(0).Name.StartsWith("$$", StringComparison.Ordinal))
        {
            return MatchOperator(special.GetElement(0), actual, path);
        }

        if (actual is null)
        {
            return $"{path}: missing, expected {expected}";
        }

        switch (expected)
        {
            case BsonDocument document:
                if (actual is not BsonDocument actualDocument)
                {
                    return $"{path}: expected a document, got {actual}";
                }

                foreach (var element in document)
                {
                    var failure = Match(element.Value, actualDocument.GetValue(element.Name, null), $"{path}.{element.Name}", root: false);
                    if (failure is not null)
                    {
                        return failure;
                    }
                }

                var extra = actualDocument.Names.Where(n => !document.Contains(n)).ToList();
                return root || extra.Count == 0 ? null : $"{path}: unexpected fields {string.Join(", ", extra)}";
            case BsonArray array:
                if (actual is not BsonArray actualArray || actualArray.Count != array.Count)
                {
                    return $"{path}: expected {array}, got {actual}";
                }

                for (var i = 0; i < array.Count; i++)
                {
                    var failure = Match(array[i], actualArray[i], $"{path}[{i}]", root: false);
                    if (failure is not null)
                    {
                        return failure;
                    }
                }

                return null;
            default:
                if (expected.IsNumeric && actual.IsNumeric)
                {
                    return expected.ToDouble() == actual.ToDouble() ? null : $"{path}: expected {expected}, got {actual}";
                }

                return expected.Equals(actual) ? null : $"{path}: expected {expected}, got {actual}";
        }
    }

    private static string? MatchOperator(BsonElement op, BsonValue? actual, string path) => op.Name switch
    {
        "$$exists" => op.Value.AsBoolean == (actual is not null) ? null : $"{path}: $$exists {op.Value} but value is {actual?.ToString() ?? "absent"}",
        "$$unsetOrMatches" => actual is null ? null : Match(op.Value, actual, path, root: false),
        "$$type" => actual is not null && (op.Value is BsonArray types ? types.Select(t => t.AsString) : [op.Value.AsString]).Any(t => TypeAliases[t] == actual.BsonType)
            ? null
            : $"{path}: expected type {op.Value}, got {actual?.BsonType.ToString() ?? "absent"}",
        _ => throw new NotSupportedException($"Matcher operator {op.Name} is not implemented"),
    };
}
