using System.Text.RegularExpressions;

namespace CapacityHub.ServiceDefaults.Validation;

/// <summary>Resource names "{collection}/{id}" (AIP-122) with ids of letters, digits, '-' and '_'.</summary>
public static partial class ResourceNames
{
    public static string Of(string collection, string id) => $"{collection}/{id}";

    /// <summary>The id part, or null when <paramref name="name"/> is not a name in <paramref name="collection"/>.</summary>
    public static string? IdOf(string? name, string collection)
    {
        if (name is null || !name.StartsWith(collection + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var id = name[(collection.Length + 1)..];
        return Id().IsMatch(id) ? id : null;
    }

    /// <summary>A new server-assigned id: 32 lowercase hex digits, time-ordered (UUID v7).</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Id();
}
