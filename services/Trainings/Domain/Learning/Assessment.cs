namespace CapacityHub.Trainings.Domain.Learning;

public enum AssessmentKind
{
    Pre = 1,
    Post = 2,
    Practical = 3,
}

/// <summary>A scored test. Scores are kept with their maximum so trainings with different scales can be compared.</summary>
public sealed record Assessment(AssessmentKind Kind, decimal Score, decimal Maximum)
{
    public const decimal LargestMaximum = 10_000m;

    public decimal Fraction => Score / Maximum;

    public static Assessment Create(AssessmentKind kind, decimal score, decimal maximum, string prefix = "assessment")
    {
        new FieldErrors()
            .Require(Enum.IsDefined(kind), $"{prefix}.kind", "must be pre, post or practical")
            .Require(maximum is > 0 and <= LargestMaximum, $"{prefix}.maximum", $"must be above 0 and at most {LargestMaximum}")
            .Require(score >= 0, $"{prefix}.score", "must not be negative")
            .Require(score <= maximum, $"{prefix}.score", $"must not exceed the maximum ({maximum})")
            .ThrowIfAny();
        return new Assessment(kind, score, maximum);
    }
}
