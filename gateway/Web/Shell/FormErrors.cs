using CapacityHub.Gateway.Localisation;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// A service's refusal as a person filling in a form should see it: one summary message, and each field
/// violation next to the input it is about. Violations name API field paths ("training.venue.time_zone");
/// inputs are named by the path below the form's message ("venue.time_zone").
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);
    private readonly List<string> unplaced = [];

    public static FormErrors None { get; } = new();

    public string? Summary { get; private init; }

    public bool Any => Summary is not null;

    public static FormErrors From(IStringLocalizer<UiText> l, RpcException error, params string[] prefixes) => From(l, error, new Dictionary<string, string>(), prefixes);

    /// <param name="aliases">Where a service names a field differently from its proto path (e.g. "participant.id").</param>
    public static FormErrors From(IStringLocalizer<UiText> l, RpcException error, IReadOnlyDictionary<string, string> aliases, params string[] prefixes)
    {
        var errors = new FormErrors { Summary = ServiceErrors.Describe(error, l) };
        foreach (var violation in error.FieldViolations())
        {
            var field = violation.Field;
            foreach (var prefix in prefixes)
            {
                if (field.StartsWith(prefix, StringComparison.Ordinal))
                {
                    field = field[prefix.Length..];
                    break;
                }
            }

            field = aliases.GetValueOrDefault(field, field);
            if (!errors.byField.TryGetValue(field, out var list))
            {
                errors.byField[field] = list = [];
            }

            list.Add(violation.Description);
            errors.unplaced.Add($"{violation.Field} {violation.Description}");
        }

        return errors;
    }

    public static FormErrors Message(string summary) => new() { Summary = summary };

    /// <summary>A refusal with its reasons listed, e.g. every bad row of an uploaded file.</summary>
    public static FormErrors Listing(string summary, IEnumerable<string> lines)
    {
        var errors = new FormErrors { Summary = summary };
        errors.unplaced.AddRange(lines);
        return errors;
    }

    /// <summary>The reasons not tied to one input, listed under the summary.</summary>
    public IReadOnlyList<string> Details => unplaced;

    public IReadOnlyList<string> For(string field) =>
        byField.TryGetValue(field, out var list) ? list : [];
}
