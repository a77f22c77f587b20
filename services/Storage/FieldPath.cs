using System.Text.RegularExpressions;

namespace CapacityHub.Storage;

/// <summary>
/// Field paths and names end up inside SQL and MongoDB index keys, so only plain identifiers are accepted.
/// "id" always means the document id (MongoDB "_id").
/// </summary>
public static partial class FieldPath
{
    public const string Id = "id";

    public static bool IsValid(string? path) => path is not null && PathPattern().IsMatch(path);

    public static void Require(string? path, string paramName)
    {
        if (!IsValid(path))
        {
            throw new ArgumentException(
                $"'{path}' is not a valid field path: use camelCase identifiers separated by dots, e.g. 'venue.timeZone'.",
                paramName);
        }
    }

    public static void RequireName(string? name, string paramName)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid name: use a lower-case letter followed by letters, digits or '_' (at most 48).",
                paramName);
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,7}$")]
    private static partial Regex PathPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9_]{0,47}$")]
    private static partial Regex NamePattern();
}
