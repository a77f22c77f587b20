using CapacityHub.Trainings.Domain.Learning;
using CapacityHub.Trainings.Domain.Nominations;

namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>
/// Everything about one nomination that metrics depend on, taken before and after a write. The
/// difference of the two contributions is what the aggregates must absorb.
/// </summary>
public sealed record EnrolmentSnapshot(Nomination Nomination, LearningRecord? Learning, string OrganisationType, int DaysScheduled, CompletionPolicy Policy)
{
    public ImpactCellKey CellKey => new(
        Nomination.TrainingId,
        Nomination.Participant.CountryCode,
        Nomination.NominatingOrganisationId,
        OrganisationType,
        Nomination.Participant.Sector,
        Nomination.Participant.Sex);

    public bool IsEnrolled => NominationLifecycle.IsEnrolled(Nomination.Status);

    /// <summary>This nomination's share of the sums; withdrawn, declined and cancelled people still count as nominations.</summary>
    public ImpactCounts Contribution()
    {
        if (!IsEnrolled)
        {
            return new ImpactCounts { Nominations = 1 };
        }

        var learning = Learning ?? new LearningRecord(Nomination.Id);
        var counts = new ImpactCounts
        {
            Nominations = 1,
            Enrolled = 1,
            NoShows = Nomination.Status == NominationStatus.NoShow ? 1 : 0,
            DaysScheduled = DaysScheduled,
            DaysAttended = Math.Min(learning.DaysAttended, DaysScheduled),
            Completers = learning.Completion(DaysScheduled, Policy).Completed ? 1 : 0,
        };

        if (learning.Assessments.TryGetValue(AssessmentKind.Pre, out var pre) && learning.Assessments.TryGetValue(AssessmentKind.Post, out var post))
        {
            var gain = (double)(post.Score - pre.Score);
            counts = counts with
            {
                GainPairs = 1,
                GainPointsSum = gain / (double)post.Maximum * 100.0,
            };
            if (pre.Score < pre.Maximum)
            {
                counts = counts with
                {
                    NormalisedGainCount = 1,
                    NormalisedGainSum = gain / (double)(pre.Maximum - pre.Score),
                };
            }
        }

        if (learning.Reaction is { } reaction)
        {
            counts = counts with { Reactions = 1, SatisfactionSum = reaction.Satisfaction, RatedRelevant = reaction.FindsRelevant ? 1 : 0 };
        }

        if (learning.FollowUps.TryGetValue(FollowUpPoint.ThreeMonths, out var three))
        {
            counts = counts with { FollowUps3 = 1, Applying3 = three.ApplyingSkills ? 1 : 0 };
        }

        if (learning.FollowUps.TryGetValue(FollowUpPoint.SixMonths, out var six))
        {
            counts = counts with { FollowUps6 = 1, Applying6 = six.ApplyingSkills ? 1 : 0 };
        }

        return counts;
    }
}

/// <summary>
/// The increments one write must apply: the participant cell (two when the key moved, e.g. a corrected
/// country) and the training roll-up cell.
/// </summary>
public static class ImpactDelta
{
    public static IReadOnlyList<ImpactCell> Between(EnrolmentSnapshot? before, EnrolmentSnapshot? after)
    {
        var changes = new Dictionary<ImpactCellKey, ImpactCounts>();
        if (before is not null)
        {
            changes[before.CellKey] = -before.Contribution();
        }

        if (after is not null)
        {
            changes[after.CellKey] = changes.GetValueOrDefault(after.CellKey) + after.Contribution();
        }

        var cells = changes.Where(c => !c.Value.IsZero).Select(c => new ImpactCell(c.Key, c.Value)).ToList();
        // The training roll-up absorbs the net change of its detailed cells.
        var rollUps = cells.GroupBy(c => c.Key.TrainingId)
            .Select(g => new ImpactCell(ImpactCellKey.TrainingTotal(g.Key), g.Aggregate(default(ImpactCounts), (sum, c) => sum + c.Counts)))
            .Where(c => !c.Counts.IsZero)
            .ToList();
        return [.. cells, .. rollUps];
    }
}
