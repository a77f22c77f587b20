using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;

namespace CapacityHub.Trainings.Domain.Learning;

/// <summary>What one enrolled participant did in a training: days attended, scores, evaluations, completion.</summary>
public sealed class LearningRecord(string nominationId)
{
    private readonly Dictionary<string, bool> _attendance = new(StringComparer.Ordinal);
    private readonly Dictionary<AssessmentKind, Assessment> _assessments = [];
    private readonly Dictionary<FollowUpPoint, BehaviourFollowUp> _followUps = [];

    public string NominationId { get; } = nominationId;
    public IReadOnlyDictionary<string, bool> Attendance => _attendance;
    public IReadOnlyDictionary<AssessmentKind, Assessment> Assessments => _assessments;
    public IReadOnlyDictionary<FollowUpPoint, BehaviourFollowUp> FollowUps => _followUps;
    public ReactionEvaluation? Reaction { get; private set; }
    public Certificate? Certificate { get; private set; }

    public int DaysAttended => _attendance.Count(a => a.Value);

    public static LearningRecord Restore(string nominationId, IEnumerable<KeyValuePair<string, bool>> attendance, IEnumerable<Assessment> assessments,
        ReactionEvaluation? reaction, IEnumerable<BehaviourFollowUp> followUps, Certificate? certificate)
    {
        var record = new LearningRecord(nominationId) { Reaction = reaction, Certificate = certificate };
        foreach (var (day, present) in attendance)
        {
            record._attendance[day] = present;
        }

        foreach (var assessment in assessments)
        {
            record._assessments[assessment.Kind] = assessment;
        }

        foreach (var followUp in followUps)
        {
            record._followUps[followUp.Point] = followUp;
        }

        return record;
    }

    /// <summary>Marks a session day present or absent; re-marking the same day corrects it.</summary>
    /// <summary>
    /// Marks a participant present or absent on a day. Before the manager starts the training, only days that have begun
    /// can be marked: a register filled in ahead would make people "complete" a training that has not happened.
    /// </summary>
    public void RecordAttendance(Training training, Nomination nomination, string sessionDayId, bool present, Instant now)
    {
        EnsureEnrolled(nomination);
        var day = training.SessionDays.FirstOrDefault(d => d.Id == sessionDayId)
            ?? throw new DomainValidationException("session_day_id", $"no session day {sessionDayId} in training {training.Id}");
        if (training.Status is not (TrainingStatus.InProgress or TrainingStatus.Completed or TrainingStatus.Confirmed))
        {
            throw new DomainRuleException($"Attendance cannot be recorded for a training that is {TrainingLifecycle.Describe(training.Status)}");
        }

        if (training.Status == TrainingStatus.Confirmed && day.Start > now)
        {
            throw new DomainRuleException(
                $"Attendance for the day starting {LocalSchedule.Describe(day.Start, day.Zone)} can be recorded once it has begun (or once the training is started)");
        }

        _attendance[day.Id] = present;
    }

    /// <summary>Records a score; a second score of the same kind replaces the first (a correction, not a retake).</summary>
    public void RecordAssessment(Nomination nomination, Assessment assessment)
    {
        EnsureEnrolled(nomination);
        // Gain is post − pre on one scale; a different maximum would make it meaningless.
        var counterpart = assessment.Kind switch
        {
            AssessmentKind.Pre => _assessments.GetValueOrDefault(AssessmentKind.Post),
            AssessmentKind.Post => _assessments.GetValueOrDefault(AssessmentKind.Pre),
            _ => null,
        };
        if (counterpart is not null && counterpart.Maximum != assessment.Maximum)
        {
            throw new DomainValidationException("assessment.maximum",
                $"must match the {counterpart.Kind.ToString().ToLowerInvariant()}-test maximum ({counterpart.Maximum}) so the learning gain is comparable");
        }

        _assessments[assessment.Kind] = assessment;
    }

    public void RecordReaction(Nomination nomination, ReactionEvaluation reaction)
    {
        EnsureEnrolled(nomination);
        Reaction = reaction;
    }

    public void RecordFollowUp(Nomination nomination, BehaviourFollowUp followUp)
    {
        EnsureEnrolled(nomination);
        _followUps[followUp.Point] = followUp;
    }

    public CompletionResult Completion(int daysScheduled, CompletionPolicy policy)
    {
        var attendanceMet = daysScheduled > 0 && DaysAttended >= policy.AttendanceThreshold * daysScheduled;
        var post = _assessments.GetValueOrDefault(AssessmentKind.Post);
        var practical = _assessments.GetValueOrDefault(AssessmentKind.Practical);
        bool passed;
        if (post is null && practical is null)
        {
            passed = !policy.RequiresAssessment;
        }
        else
        {
            passed = (post is null || post.Fraction >= policy.PassMark) && (practical is null || practical.Fraction >= policy.PassMark);
        }

        return new CompletionResult(DaysAttended, daysScheduled, attendanceMet, passed);
    }

    public Certificate IssueCertificate(Training training, Nomination nomination, CompletionPolicy policy, Instant now)
    {
        if (Certificate is not null)
        {
            return Certificate;
        }

        if (training.Status != TrainingStatus.Completed)
        {
            throw new DomainRuleException("Certificates are issued once the training is completed");
        }

        var result = Completion(training.SessionDays.Count, policy);
        if (!result.Completed)
        {
            var why = !result.AttendanceMet
                ? $"attended {result.DaysAttended} of {result.DaysScheduled} days (needs {policy.AttendanceThreshold:P0})"
                : "did not pass the assessment";
            throw new DomainRuleException($"{nomination.Participant.Name} has not completed the training: {why}");
        }

        Certificate = new Certificate($"{training.Id}-{nomination.Id}", nomination.Id, training.Id, nomination.Participant.Name, now);
        return Certificate;
    }

    private void EnsureEnrolled(Nomination nomination)
    {
        if (nomination.Id != NominationId)
        {
            throw new ArgumentException("The learning record belongs to another nomination", nameof(nomination));
        }

        if (!NominationLifecycle.IsEnrolled(nomination.Status))
        {
            throw new DomainRuleException($"Only booked participants have records; this nomination is {NominationLifecycle.Describe(nomination.Status)}");
        }
    }
}
