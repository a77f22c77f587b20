using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Trainings.Domain;

/// <summary>
/// The shared free-text limits (<see cref="TextLimits"/>) for the domain's own field checks: one-line fields
/// have no line breaks or other control characters, multi-line ones only line breaks and tabs.
/// </summary>
public static class TextRules
{
    public static FieldErrors SingleLine(this FieldErrors errors, string? value, string field, int max) =>
        errors.Require(value is null || value.Length <= max, field, $"must be at most {max} characters (got {value?.Length})")
            .Require(value is null || !value.Any(char.IsControl), field, "must be a single line without control characters (no line breaks or tabs)");

    public static FieldErrors MultiLine(this FieldErrors errors, string? value, string field, int max) =>
        errors.Require(value is null || value.Length <= max, field, $"must be at most {max} characters (got {value?.Length})")
            .Require(value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')), field, "must not contain control characters other than line breaks and tabs");
}
