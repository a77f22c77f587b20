using CapacityHub.Trainings.Domain.Nominations;

namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>
/// Unique people reached, folded over reach cells or read from stored roll-ups: totals and the
/// breakdowns reach and gender balance are reported by. Members with zero people are not counted.
/// </summary>
public sealed class ReachSummary
{
    private readonly Dictionary<string, long> _byOrganisation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byOrganisationType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _bySector = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Female, long Total)> _byCountry = new(StringComparer.Ordinal);

    public long Unique { get; private set; }
    public long Female { get; private set; }
    public IReadOnlyDictionary<string, long> ByOrganisationType => _byOrganisationType;
    public IReadOnlyDictionary<string, long> BySector => _bySector;
    public IReadOnlyDictionary<string, (long Female, long Total)> ByCountry => _byCountry;
    public IReadOnlyCollection<string> Countries => [.. _byCountry.Where(c => c.Value.Total > 0).Select(c => c.Key)];
    public IReadOnlyCollection<string> Organisations => [.. _byOrganisation.Where(c => c.Value > 0).Select(c => c.Key)];

    /// <summary>Breakdown label of an attribute the participant left empty.</summary>
    public static string Label(string value) => string.IsNullOrWhiteSpace(value) ? "unspecified" : value;

    /// <summary>Adds the people of one reach cell to every breakdown.</summary>
    public void Add(ReachCellKey key, long people)
    {
        var female = key.Sex == Sex.Female ? people : 0;
        AddTotals(people, female);
        AddCountry(key.CountryCode, female, people);
        AddOrganisation(key.OrganisationId, people);
        AddOrganisationType(Label(key.OrganisationType), people);
        AddSector(Label(key.Sector), people);
    }

    public void AddTotals(long people, long female)
    {
        Unique += people;
        Female += female;
    }

    public void AddCountry(string countryCode, long female, long total)
    {
        var current = _byCountry.GetValueOrDefault(countryCode);
        _byCountry[countryCode] = (current.Female + female, current.Total + total);
    }

    public void AddOrganisation(string organisationId, long people) => Increase(_byOrganisation, organisationId, people);

    public void AddOrganisationType(string label, long people) => Increase(_byOrganisationType, label, people);

    public void AddSector(string label, long people) => Increase(_bySector, label, people);

    private static void Increase(Dictionary<string, long> counts, string key, long by) =>
        counts[key] = counts.GetValueOrDefault(key) + by;
}
