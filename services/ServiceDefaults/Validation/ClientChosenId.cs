using System.Text.RegularExpressions;

namespace CapacityHub.ServiceDefaults.Validation;

/// <summary>
/// Ids a caller picks on create (AIP-133), so that names such as "organisations/etda" can be written into
/// configuration and links before the resource exists. Stricter than server ids: readable in URLs and logs.
/// Shared so every service accepts and rejects the same ids with the same message.
/// </summary>
public static partial class ClientChosenId
{
    /// <summary>The id to create under: the caller's when given and well formed, otherwise a new server id.</summary>
    public static string OrNew(FieldErrors errors, string field, string chosen)
    {
        if (chosen.Length == 0)
        {
            return ResourceNames.NewId();
        }

        if (!Pattern().IsMatch(chosen))
        {
            errors.Add(field, $"\"{chosen}\" is not a valid id: a lowercase letter, then up to 62 lowercase letters, digits or '-' (e.g. \"etda\")");
        }

        return chosen;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();
}
