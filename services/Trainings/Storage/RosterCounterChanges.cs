using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// The counter moves of one write, summed from each saved nomination's status before and after, and stored as
/// increments in the write's transaction: seats and waitlist on the training, quota usage per country and
/// nominating organisation. The counters are what later writes decide on instead of counting the roster.
/// </summary>
internal sealed class RosterCounterChanges
{
    private readonly Dictionary<(QuotaScope Scope, string Key), long> _quotas = [];

    public long Seats { get; private set; }
    public long Waitlisted { get; private set; }

    public void Add(Nomination nomination, NominationStatus? from, NominationStatus to)
    {
        Seats += RosterCounts.Delta(from, to, NominationLifecycle.TakesSeat);
        Waitlisted += RosterCounts.Delta(from, to, s => s == NominationStatus.Waitlisted);
        var quota = RosterCounts.Delta(from, to, NominationLifecycle.CountsAgainstQuota);
        if (quota == 0)
        {
            return;
        }

        foreach (var scope in new[] { QuotaScope.Country, QuotaScope.Organisation })
        {
            var key = (scope, RosterCounts.KeyOf(scope, nomination.Participant, nomination.NominatingOrganisationId));
            _quotas[key] = _quotas.GetValueOrDefault(key) + quota;
        }
    }

    public IReadOnlyList<Increment> TrainingIncrements() => [Increment.By("seatsTaken", Seats), Increment.By("waitlisted", Waitlisted)];

    public async Task SaveQuotasAsync(ITransaction tx, string trainingId, CancellationToken ct)
    {
        var usage = tx.Collection(TrainingsCollections.QuotaUsage);
        foreach (var ((scope, key), delta) in _quotas.Where(q => q.Value != 0))
        {
            var id = QuotaUsage.IdOf(trainingId, scope, key);
            await usage.IncrementAsync(id, [Increment.By("used", delta)], new QuotaUsage(id, trainingId, 0), ct);
        }
    }
}
