using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Trainings.Api;

/// <summary>The reason given with a decline, withdrawal or cancellation: a short note, shown on every later page.</summary>
public static class Reasons
{
    public const int MaxLength = 2_000;

    public static void Validate(string reason)
    {
        var errors = new FieldErrors();
        errors.MultiLine("reason", reason, MaxLength);
        errors.ThrowIfAny("reason");
    }
}
