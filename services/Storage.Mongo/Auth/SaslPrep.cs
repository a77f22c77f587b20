using System.Globalization;
using System.Text;

namespace CapacityHub.Storage.Mongo.Auth;

/// <summary>
/// RFC 4013 SASLprep for passwords: maps non-ASCII spaces to space and drops "mapped to nothing" characters,
/// normalises with NFKC, then refuses prohibited characters. The RFC 3454 bidirectional-text check is not
/// implemented: a password mixing right-to-left and left-to-right text is passed through unchecked.
/// </summary>
public static class SaslPrep
{
    public static string Prepare(string value)
    {
        var mapped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (IsMappedToNothing(c))
            {
                continue;
            }

            mapped.Append(IsNonAsciiSpace(c) ? ' ' : c);
        }

        var normalized = mapped.ToString().Normalize(NormalizationForm.FormKC);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (IsProhibited(c))
            {
                throw new MongoAuthenticationException($"The password contains a character SASLprep prohibits (U+{(int)c:X4}) at position {i}.");
            }
        }

        return normalized;
    }

    private static bool IsMappedToNothing(char c) =>
        c is '\u00AD' or '\u034F' or '\u1806' or '\u180B' or '\u180C' or '\u180D' or '\u200B' or '\u200C' or '\u200D'
            or '\u2060' or '\uFEFF' || (c >= '\uFE00' && c <= '\uFE0F');

    private static bool IsNonAsciiSpace(char c) => c != ' ' && char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    private static bool IsProhibited(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned
            || (c >= '\uFFF9' && c <= '\uFFFD')
            || (c >= '\u2FF0' && c <= '\u2FFB')
            || c is '\u0340' or '\u0341' or '\u200E' or '\u200F'
            || (c >= '\u202A' && c <= '\u202E')
            || (c >= '\u206A' && c <= '\u206F');
    }
}
