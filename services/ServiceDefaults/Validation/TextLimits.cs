namespace CapacityHub.ServiceDefaults.Validation;

/// <summary>
/// Limits every free-text field shares (stated again in the protos' comments): a name fits a table cell and a
/// narrative fits a page, so one request can never store megabytes that every later page has to carry.
/// </summary>
public static class TextLimits
{
    public const int Name = 200;
    public const int Email = 254;
    public const int ShortText = 500;
    public const int Narrative = 10_000;

    /// <summary>A one-line field (names, titles, e-mail): length, and no line breaks or other control characters.</summary>
    public static void SingleLine(this FieldErrors errors, string field, string? value, int max)
    {
        errors.MaxLength(field, value, max);
        if (value is not null && value.Any(char.IsControl))
        {
            errors.Add(field, "must be a single line without control characters (no line breaks or tabs)");
        }
    }

    /// <summary>A multi-line field (narratives, notes): length, and no control characters other than line breaks and tabs.</summary>
    public static void MultiLine(this FieldErrors errors, string field, string? value, int max)
    {
        errors.MaxLength(field, value, max);
        if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(field, "must not contain control characters other than line breaks and tabs");
        }
    }
}
