using NodaTime;

namespace CapacityHub.Trainings.Domain.Learning;

/// <summary>Kirkpatrick level 1: how the participant rated the training, on 1–5 scales.</summary>
public sealed record ReactionEvaluation(int Satisfaction, int Relevance)
{
    /// <summary>"Rates the training relevant" means 4 or 5 out of 5.</summary>
    public bool FindsRelevant => Relevance >= 4;

    public static ReactionEvaluation Create(int satisfaction, int relevance)
    {
        new FieldErrors()
            .Require(satisfaction is >= 1 and <= 5, "satisfaction", "must be from 1 (very dissatisfied) to 5 (very satisfied)")
            .Require(relevance is >= 1 and <= 5, "relevance", "must be from 1 (not relevant) to 5 (highly relevant)")
            .ThrowIfAny();
        return new ReactionEvaluation(satisfaction, relevance);
    }
}

public enum FollowUpPoint
{
    ThreeMonths = 3,
    SixMonths = 6,
}

/// <summary>Kirkpatrick level 3: at a follow-up, is the participant applying what was learnt at work?</summary>
public sealed record BehaviourFollowUp(FollowUpPoint Point, bool ApplyingSkills, Instant RecordedAt, string Example)
{
    /// <summary>Follow-ups may be gathered a little early (survey rounds), but not before half the interval has passed.</summary>
    public static BehaviourFollowUp Create(FollowUpPoint point, bool applyingSkills, Instant recordedAt, Instant trainingEnd, string example)
    {
        if (!Enum.IsDefined(point))
        {
            throw new DomainValidationException("point", "must be the 3-month or 6-month follow-up");
        }

        var earliest = trainingEnd.Plus(Duration.FromDays((int)point * 30 / 2));
        if (recordedAt < earliest)
        {
            throw new DomainRuleException($"The {(int)point}-month follow-up cannot be recorded before {earliest}; the training ended at {trainingEnd}");
        }

        return new BehaviourFollowUp(point, applyingSkills, recordedAt, example.Trim());
    }
}
