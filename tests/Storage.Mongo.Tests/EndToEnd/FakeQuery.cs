using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

/// <summary>
/// The small query subset the fake server evaluates: top-level equality and $gt/$gte/$lt/$lte, and a single-key
/// sort. Enough to serve the spec's cursor cases; anything else is reported as unsupported, never guessed.
/// </summary>
internal static class FakeQuery
{
    public static bool Matches(BsonDocument document, BsonDocument filter) => filter.All(condition =>
    {
        var present = document.TryGetValue(condition.Name, out var value);
        if (condition.Value is BsonDocument operators && operators.ElementCount > 0 && operators.GetElement(0).Name.StartsWith('$'))
        {
            return present && operators.All(o => o.Name switch
            {
                "$gt" => value > o.Value,
                "$gte" => value >= o.Value,
                "$lt" => value < o.Value,
                "$lte" => value <= o.Value,
                "$eq" => value == o.Value,
                _ => throw new NotSupportedException($"fake server does not evaluate {o.Name}"),
            });
        }

        return present && value == condition.Value;
    });

    public static IEnumerable<BsonDocument> Sort(IEnumerable<BsonDocument> documents, BsonDocument? sort)
    {
        if (sort is null || sort.ElementCount == 0)
        {
            return documents;
        }

        var key = sort.GetElement(0);
        return key.Value.ToInt32() >= 0
            ? documents.OrderBy(d => d.GetValue(key.Name, BsonNull.Value))
            : documents.OrderByDescending(d => d.GetValue(key.Name, BsonNull.Value));
    }
}
