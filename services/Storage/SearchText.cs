using System.Text;

namespace CapacityHub.Storage;

/// <summary>
/// The text a document keeps beside itself so that lists can be searched with <see cref="Filter.AndContains"/>:
/// its names folded the same way a query is, so that "thaicert", "ThaiCERT" and full-width "ＴＨＡＩＣＥＲＴ" all
/// find "ThaiCERT". Parts are kept on separate lines so a query never matches across two of them.
/// </summary>
public static class SearchText
{
    public const int MaxQueryLength = 100;

    public static string Of(params IEnumerable<string?> parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Fold(p!)));

    /// <summary>Compatibility-normalised (width, ligatures) and upper-cased, culture-invariant.</summary>
    public static string Fold(string text) => text.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();
}
