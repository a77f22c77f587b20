using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// What a partner agency reads on a training beyond the training itself: each quota that applies to it (its
/// country's, its organisation's) with the places still left, from the same counters nominations are decided by.
/// </summary>
public sealed class QuotasLeft(TrainingStore store)
{
    public async Task AddAsync(Training training, CallerIdentity caller, CancellationToken ct)
    {
        if (caller.Role != CallerRole.PartnerAgency)
        {
            return;
        }

        var organisation = TrainingsAccess.OrganisationOf(caller);
        var trainingId = training.Name[(TrainingResources.Trainings.Length + 1)..];
        foreach (var quota in training.Quotas.Where(q =>
            (q.Scope == QuotaScope.Country && q.Key == caller.CountryCode) || (q.Scope == QuotaScope.Organisation && q.Key == organisation)))
        {
            var used = (int)await store.QuotaUsedAsync(trainingId, (Domain.Scheduling.QuotaScope)(int)quota.Scope, quota.Key, ct);
            training.QuotasLeft.Add(new QuotaLeft { Scope = quota.Scope, Key = quota.Key, Seats = quota.Seats, Used = used, Left = Math.Max(0, quota.Seats - used) });
        }
    }
}
