using System.Text.Json;

namespace CapacityHub.Storage;

/// <summary>
/// A conjunction of conditions on indexed paths: equality, membership (in) and at most one half-open range.
/// Values are given as the C# values the document holds (string, number, bool, enum, null); they are
/// compared after serialising them the way the document is serialised.
/// </summary>
public sealed class Filter
{
    private Filter(IReadOnlyList<Condition> conditions) => Conditions = conditions;

    public static Filter All { get; } = new([]);

    public IReadOnlyList<Condition> Conditions { get; }

    public static Filter Where(string path, object? value) => All.And(path, value);

    public Filter And(string path, object? value) => With(new Condition(path, ConditionKind.Equal, [value], null, null));

    public Filter AndIn(string path, IEnumerable<object?> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"'in' on '{path}' needs at least one value.", nameof(values));
        }

        return With(new Condition(path, ConditionKind.In, list, null, null));
    }

    /// <summary>
    /// The string value holds <paramref name="text"/> (exactly: callers normalise case, e.g. with
    /// <see cref="SearchText"/>). No index serves a substring, so the path need not be indexed; pair it with
    /// conditions that narrow the scan.
    /// </summary>
    public Filter AndContains(string path, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException($"'contains' on '{path}' needs some text.", nameof(text));
        }

        return With(new Condition(path, ConditionKind.Contains, [text], null, null));
    }

    /// <summary>from ≤ value &lt; to; either end may be null (open).</summary>
    public Filter AndRange(string path, object? fromInclusive, object? toExclusive)
    {
        if (fromInclusive is null && toExclusive is null)
        {
            throw new ArgumentException($"A range on '{path}' needs at least one end.", nameof(fromInclusive));
        }

        if (Conditions.Any(c => c.Kind == ConditionKind.Range))
        {
            throw new ArgumentException("A filter may hold a range on one field only.", nameof(path));
        }

        return With(new Condition(path, ConditionKind.Range, [], fromInclusive, toExclusive));
    }

    /// <summary>The conditions with values serialised, after checking every path is indexed in <paramref name="spec"/>.</summary>
    public IReadOnlyList<BoundCondition> Bind(CollectionSpec spec)
    {
        var bound = new List<BoundCondition>(Conditions.Count);
        foreach (var c in Conditions)
        {
            if (c.Kind != ConditionKind.Contains && !spec.IsIndexed(c.Path))
            {
                throw new UnindexedQueryException(spec.Name, c.Path);
            }

            bound.Add(new BoundCondition(
                c.Path,
                c.Kind,
                [.. c.Values.Select(v => StoreJson.ToElement(v, spec.Json))],
                c.From is null ? null : StoreJson.ToElement(c.From, spec.Json),
                c.To is null ? null : StoreJson.ToElement(c.To, spec.Json)));
        }

        return bound;
    }

    private Filter With(Condition condition)
    {
        FieldPath.Require(condition.Path, "path");
        return new([.. Conditions, condition]);
    }
}

public enum ConditionKind
{
    Equal,
    Contains,
    In,
    Range,
}

public sealed record Condition(string Path, ConditionKind Kind, IReadOnlyList<object?> Values, object? From, object? To);

/// <summary>A condition whose values are JSON scalars, ready for a backend to translate.</summary>
public sealed record BoundCondition(string Path, ConditionKind Kind, IReadOnlyList<JsonElement> Values, JsonElement? From, JsonElement? To);
