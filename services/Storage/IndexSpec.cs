namespace CapacityHub.Storage;

/// <summary>
/// An index on one or more JSON field paths (camelCase, dotted for nested fields, e.g. "venue.timeZone").
/// Unique indexes constrain documents whose indexed fields are all present and non-null.
/// </summary>
public sealed record IndexSpec
{
    public IndexSpec(string name, bool unique, IReadOnlyList<string> paths)
    {
        FieldPath.RequireName(name, nameof(name));
        if (paths.Count == 0)
        {
            throw new ArgumentException($"Index '{name}' needs at least one field path.", nameof(paths));
        }

        foreach (var path in paths)
        {
            FieldPath.Require(path, nameof(paths));
        }

        Name = name;
        Unique = unique;
        Paths = paths;
    }

    public string Name { get; }

    public bool Unique { get; }

    public IReadOnlyList<string> Paths { get; }
}
