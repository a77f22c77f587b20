using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// What a reader sees of a training's quotas beyond the training itself, from the same counters nominations
/// are decided by: a partner agency, each quota that applies to it (its country's, its organisation's); a
/// manager reading one training, every quota, to see how the places fill by country.
/// </summary>
public sealed class QuotasLeft(TrainingStore store)
{
    /// <param name="oneTraining">A single read, not a list: managers get every quota then (one count per quota, too many for a list).</param>
    public async Task AddAsync(Training training, CallerIdentity caller, CancellationToken ct, bool oneTraining = false)
    {
        var organisation = TrainingsAccess.OrganisationOf(caller);
        Func<Quota, bool>? shown = caller.Role switch
        {
            CallerRole.PartnerAgency => q => (q.Scope == QuotaScope.Country && q.Key == caller.CountryCode) || (q.Scope == QuotaScope.Organisation && q.Key == organisation),
            CallerRole.ProgrammeManager or CallerRole.Administrator when oneTraining => _ => true,
            _ => null,
        };
        if (shown is null)
        {
            return;
        }

        var trainingId = training.Name[(TrainingResources.Trainings.Length + 1)..];
        foreach (var quota in training.Quotas.Where(shown))
        {
            var used = (int)await store.QuotaUsedAsync(trainingId, (Domain.Scheduling.QuotaScope)(int)quota.Scope, quota.Key, ct);
            training.QuotasLeft.Add(new QuotaLeft { Scope = quota.Scope, Key = quota.Key, Seats = quota.Seats, Used = used, Left = Math.Max(0, quota.Seats - used) });
        }
    }
}
