using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// How a training's places fill by participant country, set against the country quotas: the quota's
/// use comes from the Trainings service's own counters (quotas_left), the seat and waiting columns from
/// the nominations, so the page never re-derives the service's quota rule.
/// </summary>
public sealed record CountryFill(string CountryCode, Quota? Quota, QuotaLeft? Left, int HoldingSeats, int Waiting, int Waitlisted)
{
    public bool QuotaUsedUp => Left is { Left: 0 };

    public static IReadOnlyList<CountryFill> Of(Training training, IEnumerable<Nomination> nominations)
    {
        var byCountry = nominations.GroupBy(n => (n.Participant?.CountryCode ?? "").ToUpperInvariant()).ToDictionary(g => g.Key, g => g.ToList());
        var quotas = training.Quotas.Where(q => q.Scope == QuotaScope.Country).ToDictionary(q => q.Key.ToUpperInvariant());
        var lefts = training.QuotasLeft.Where(q => q.Scope == QuotaScope.Country).ToDictionary(q => q.Key.ToUpperInvariant());
        return quotas.Keys.Union(byCountry.Keys.Where(k => k.Length > 0))
            .Select(code =>
            {
                var list = byCountry.GetValueOrDefault(code) ?? [];
                return new CountryFill(code, quotas.GetValueOrDefault(code), lefts.GetValueOrDefault(code),
                    list.Count(n => TakesSeat(n.Status)),
                    list.Count(n => n.Status == NominationStatus.Nominated),
                    list.Count(n => n.Status == NominationStatus.Waitlisted));
            })
            .OrderByDescending(f => f.Quota is not null)
            .ThenByDescending(f => f.HoldingSeats)
            .ThenBy(f => f.CountryCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>As the training's seats_taken counts: held now, or taken at the event (attended or not).</summary>
    private static bool TakesSeat(NominationStatus s) => s is NominationStatus.Approved or NominationStatus.Booked
        or NominationStatus.NoShow or NominationStatus.PartiallyAttended or NominationStatus.FullyAttended;
}
