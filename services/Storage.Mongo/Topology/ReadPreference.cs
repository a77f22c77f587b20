using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>Where reads may go: a mode plus tag sets tried in order (an empty tag set matches any server).</summary>
public sealed record ReadPreference(ReadPreferenceMode Mode, IReadOnlyList<IReadOnlyDictionary<string, string>> TagSets)
{
    public static readonly ReadPreference Primary = new(ReadPreferenceMode.Primary, []);

    public static ReadPreference Parse(string mode, IEnumerable<BsonDocument> tagSets)
    {
        if (!Enum.TryParse<ReadPreferenceMode>(mode, ignoreCase: true, out var parsed))
        {
            throw new ArgumentException($"'{mode}' is not a read preference mode.", nameof(mode));
        }

        var sets = tagSets.Select(t => (IReadOnlyDictionary<string, string>)t.ToDictionary(e => e.Name, e => e.Value.AsString)).ToList();
        if (parsed == ReadPreferenceMode.Primary && sets.Any(s => s.Count > 0))
        {
            throw new ArgumentException("Tag sets cannot be combined with read preference mode primary.", nameof(tagSets));
        }

        return new ReadPreference(parsed, sets);
    }

    /// <summary>The $readPreference document mongos needs; null for primary, which is the default.</summary>
    public BsonDocument? ToDocument()
    {
        if (Mode == ReadPreferenceMode.Primary)
        {
            return null;
        }

        var document = new BsonDocument("mode", char.ToLowerInvariant(Mode.ToString()[0]) + Mode.ToString()[1..]);
        if (TagSets.Count > 0)
        {
            document["tags"] = new BsonArray(TagSets.Select(t => new BsonDocument(t.ToDictionary(e => e.Key, e => (object)e.Value))));
        }

        return document;
    }
}
