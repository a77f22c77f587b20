using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>The $inc document of an increment, and the same deltas applied to a seed before it is stored.</summary>
internal static class Increments
{
    /// <summary><c>{ $inc: { path: delta, ..., _v: 1 } }</c>: integer deltas as Int64 so integer fields stay integral.</summary>
    public static BsonDocument Update(IReadOnlyList<Increment> increments)
    {
        var deltas = new BsonDocument();
        foreach (var increment in increments)
        {
            deltas[increment.Path] = Delta(increment);
        }

        deltas[StoredDocument.VersionField] = 1L;
        return new BsonDocument("$inc", deltas);
    }

    /// <summary>
    /// Adds the deltas to a seed document in place (a missing field counts as 0), as if it had been inserted
    /// and then incremented. Returns false when a field holds something other than a number.
    /// </summary>
    public static bool ApplyTo(BsonDocument seed, IReadOnlyList<Increment> increments)
    {
        foreach (var increment in increments)
        {
            var steps = increment.Path.Split('.');
            var parent = seed;
            foreach (var step in steps[..^1])
            {
                if (!parent.TryGetValue(step, out var next))
                {
                    next = new BsonDocument();
                    parent[step] = next;
                }

                if (next is not BsonDocument nested)
                {
                    return false;
                }

                parent = nested;
            }

            var last = steps[^1];
            var current = parent.TryGetValue(last, out var existing) ? existing : new BsonInt64(0);
            if (!current.IsNumeric)
            {
                return false;
            }

            parent[last] = Add(current, Delta(increment));
        }

        return true;
    }

    private static BsonValue Delta(Increment increment) =>
        increment.Integer is { } integer ? new BsonInt64(integer) : new BsonDouble(increment.Real!.Value);

    private static BsonValue Add(BsonValue current, BsonValue delta) =>
        (current.BsonType, delta.BsonType) switch
        {
            (BsonType.Int32 or BsonType.Int64, BsonType.Int64) => new BsonInt64(current.ToInt64() + delta.AsInt64),
            _ => new BsonDouble(current.ToDouble() + delta.ToDouble()),
        };
}
