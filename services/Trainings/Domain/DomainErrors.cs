namespace CapacityHub.Trainings.Domain;

/// <summary>One input field that failed validation, named by its API field path.</summary>
public sealed record FieldError(string Field, string Description);

/// <summary>
/// The request itself is malformed (maps to INVALID_ARGUMENT with field violations).
/// Retrying the same request can never succeed.
/// </summary>
public sealed class DomainValidationException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Description}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public DomainValidationException(string field, string description)
        : this([new FieldError(field, description)])
    {
    }
}

/// <summary>
/// The request is well formed but the current state forbids it (maps to FAILED_PRECONDITION).
/// The message is meant for the person who clicked the button.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>Collects field errors so a caller sees every problem at once, not one per retry.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public FieldErrors Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            _errors.Add(new FieldError(field, description));
        }

        return this;
    }

    public void Add(string field, string description) => _errors.Add(new FieldError(field, description));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new DomainValidationException(_errors.ToList());
        }
    }
}
