using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Specs;

/// <summary>
/// Locates the MongoDB specification test data beside the repository (../shared/data/mongodb-specs from the
/// repository root) so the official files are read in place, never copied in.
/// </summary>
internal static class SpecData
{
    public static string Root { get; } = FindRoot();

    public static string Folder(string name) => Path.Combine(Root, name);

    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(Folder(folder), "*.json").OrderBy(f => f, StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BsonDocument> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Relaxed/canonical extended JSON parsed by MongoDB.Bson itself, so $oid, $numberLong... keep their types.
    /// Parsed once per file (large corpus files have hundreds of cases); callers get their own deep copy.
    /// </summary>
    public static BsonDocument Load(string path) =>
        Cache.GetOrAdd(Path.GetFullPath(path), p => BsonDocument.Parse(File.ReadAllText(p))).DeepClone().AsBsonDocument;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CapacityHub.sln")))
            {
                var specs = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "mongodb-specs"));
                return Directory.Exists(specs)
                    ? specs
                    : throw new DirectoryNotFoundException("MongoDB spec data expected at " + specs);
            }
        }

        throw new InvalidOperationException("CapacityHub.sln not found above " + AppContext.BaseDirectory);
    }
}
