using CapacityHub.Trainings.Domain.Scheduling;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Which nominations a write loads with its training. Whole-training changes (schedule, definition, completion)
/// take <see cref="Everyone"/>; a nomination's own change names it, so its cost does not grow with the roster.
/// </summary>
public sealed record RosterNeeds
{
    public static RosterNeeds Everyone { get; } = new() { All = true };

    public bool All { get; private init; }

    public IReadOnlyList<string> Nominations { get; private init; } = [];

    /// <summary>The longest-waiting nomination too: a withdrawal or cancellation may hand it the freed seat.</summary>
    public bool FirstWaitlisted { get; private init; }

    /// <summary>The quota counters the operation reads (a new nomination's country and organisation).</summary>
    public IReadOnlyList<(QuotaScope Scope, string Key)> Quotas { get; private init; } = [];

    public static RosterNeeds Of(IEnumerable<string> nominationIds, bool firstWaitlisted = false) =>
        new() { Nominations = [.. nominationIds.Distinct(StringComparer.Ordinal)], FirstWaitlisted = firstWaitlisted };

    public static RosterNeeds NewNomination(string countryCode, string nominatingOrganisationId) =>
        new() { Quotas = [(QuotaScope.Country, countryCode), (QuotaScope.Organisation, nominatingOrganisationId)] };
}
