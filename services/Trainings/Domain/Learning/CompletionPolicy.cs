namespace CapacityHub.Trainings.Domain.Learning;

/// <summary>
/// When a participant counts as a completer: attended at least <see cref="AttendanceThreshold"/> of the
/// scheduled session days and passed (post-test and, where held, practical at or above <see cref="PassMark"/>).
/// </summary>
public sealed record CompletionPolicy(decimal AttendanceThreshold = 0.8m, decimal PassMark = 0.6m, bool RequiresAssessment = true)
{
    public static CompletionPolicy Default { get; } = new();

    public void Validate() =>
        new FieldErrors()
            .Require(AttendanceThreshold is > 0 and <= 1, "completion_policy.attendance_threshold", "must be above 0 and at most 1")
            .Require(PassMark is >= 0 and <= 1, "completion_policy.pass_mark", "must be between 0 and 1")
            .ThrowIfAny();
}

public sealed record CompletionResult(int DaysAttended, int DaysScheduled, bool AttendanceMet, bool Passed)
{
    public bool Completed => AttendanceMet && Passed;
}

public sealed record Certificate(string Number, string NominationId, string TrainingId, string ParticipantName, NodaTime.Instant IssuedAt);
