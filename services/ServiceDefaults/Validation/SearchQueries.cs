using CapacityHub.Storage;

namespace CapacityHub.ServiceDefaults.Validation;

/// <summary>The free-text search field of list requests.</summary>
public static class SearchQueries
{
    /// <summary>Checks a search field and returns it folded for <see cref="Filter.AndContains"/>, or "" for no search.</summary>
    public static string SearchQuery(this FieldErrors errors, string field, string? value)
    {
        errors.SingleLine(field, value, SearchText.MaxQueryLength);
        return string.IsNullOrWhiteSpace(value) ? "" : SearchText.Fold(value);
    }
}
