namespace CapacityHub.Storage;

/// <summary>
/// A page request: filter, order (an indexed path, ties broken by id in the same direction), page size and
/// the continuation token of the previous page. Without <see cref="OrderBy"/> documents come in id order.
/// </summary>
public sealed record Query
{
    public const int MaxLimit = 1000;

    public Filter Filter { get; init; } = Filter.All;

    public string? OrderBy { get; init; }

    public bool Descending { get; init; }

    public int Limit { get; init; } = 100;

    /// <summary>The <see cref="Page{T}.Next"/> token of the previous page, or null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>Checks the query against the collection; throws ArgumentException subclasses for bad input.</summary>
    public void Validate(CollectionSpec spec)
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new InvalidQueryException("limit", $"Page size must be between 1 and {MaxLimit}, not {Limit}.");
        }

        if (OrderBy is not null)
        {
            FieldPath.Require(OrderBy, nameof(OrderBy));
            if (!spec.IsIndexed(OrderBy))
            {
                throw new UnindexedQueryException(spec.Name, OrderBy);
            }
        }
    }
}

/// <summary>One page of results; <see cref="Next"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<Document<T>> Items, string? Next)
    where T : class;
