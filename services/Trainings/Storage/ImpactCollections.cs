using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Nominations;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Reach and reporting aggregates: detailed reach cells answer country and organisation filters, one
/// roll-up per programme-year answers everything else, reporting cells are few (programme × partner × year).
/// </summary>
public static class ImpactCollections
{
    public static readonly CollectionSpec<ReachCellDocument> ReachCells =
        CollectionSpec.For<ReachCellDocument>("reachCells", c => c.Id)
            .Index("byProgrammeCountry", "programmeId", "countryCode")
            .Index("byProgrammeOrganisation", "programmeId", "organisationId");

    public static readonly CollectionSpec<ReachRollUpDocument> ReachRollUps =
        CollectionSpec.For<ReachRollUpDocument>("reachRollUps", c => c.Id)
            .Index("byProgramme", "programmeId", "year");

    public static readonly CollectionSpec<ReportingCellDocument> ReportingCells =
        CollectionSpec.For<ReportingCellDocument>("reportingCells", c => c.Id)
            .Index("byProgramme", "programmeId", "dueYear");

    public static IReadOnlyList<CollectionSpec> All => [ReachCells, ReachRollUps, ReportingCells];
}

/// <summary>Unique people of one programme-year with one attribute combination (a reference count kept by the nomination writes).</summary>
public sealed record ReachCellDocument(
    string Id, string ProgrammeId, int Year, string CountryCode, string OrganisationId, string OrganisationType, string Sector, Sex Sex, long UniqueParticipants)
{
    public static ReachCellDocument Seed(ReachCellKey key) =>
        new(key.ToId(), key.ProgrammeId, key.Year, key.CountryCode, key.OrganisationId, key.OrganisationType, key.Sector, key.Sex, 0);

    public ReachCell ToCell() => new(new ReachCellKey(ProgrammeId, Year, CountryCode, OrganisationId, OrganisationType, Sector, Sex), UniqueParticipants);
}

/// <summary>
/// Every breakdown of one programme-year's reach in a single document, so an unfiltered (funder-wide)
/// query reads one document per programme-year. Maps are keyed by country code, organisation and label.
/// </summary>
public sealed record ReachRollUpDocument
{
    public required string Id { get; init; }
    public required string ProgrammeId { get; init; }
    public required int Year { get; init; }
    public long Unique { get; init; }
    public long Female { get; init; }
    public Dictionary<string, long> CountryTotal { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> CountryFemale { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> ByOrganisation { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> ByOrganisationType { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> BySector { get; init; } = new(StringComparer.Ordinal);

    public static string IdOf(string programmeId, int year) => $"{programmeId}|{year}";

    /// <summary>A copy with <paramref name="people"/> added to each breakdown the cell belongs to; empty members are dropped.</summary>
    public ReachRollUpDocument With(ReachCellKey key, long people)
    {
        var female = key.Sex == Sex.Female ? people : 0;
        return this with
        {
            Unique = Unique + people,
            Female = Female + female,
            CountryTotal = Plus(CountryTotal, key.CountryCode, people),
            CountryFemale = Plus(CountryFemale, key.CountryCode, female),
            ByOrganisation = Plus(ByOrganisation, key.OrganisationId, people),
            ByOrganisationType = Plus(ByOrganisationType, ReachSummary.Label(key.OrganisationType), people),
            BySector = Plus(BySector, ReachSummary.Label(key.Sector), people),
        };
    }

    public void AddTo(ReachSummary summary)
    {
        summary.AddTotals(Unique, Female);
        foreach (var (country, total) in CountryTotal)
        {
            summary.AddCountry(country, CountryFemale.GetValueOrDefault(country), total);
        }

        foreach (var (organisation, people) in ByOrganisation)
        {
            summary.AddOrganisation(organisation, people);
        }

        foreach (var (label, people) in ByOrganisationType)
        {
            summary.AddOrganisationType(label, people);
        }

        foreach (var (label, people) in BySector)
        {
            summary.AddSector(label, people);
        }
    }

    private static Dictionary<string, long> Plus(Dictionary<string, long> counts, string key, long by)
    {
        var copy = new Dictionary<string, long>(counts, StringComparer.Ordinal);
        var value = copy.GetValueOrDefault(key) + by;
        if (value == 0)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return copy;
    }
}

/// <summary>Reports owed, received and on time for a programme × partner × due year.</summary>
public sealed record ReportingCellDocument(string Id, string ProgrammeId, string OrganisationId, int DueYear, long Expected, long Received, long OnTime)
{
    public static ReportingCellDocument Seed(ReportingCellKey key) => new(key.ToId(), key.ProgrammeId, key.OrganisationId, key.DueYear, 0, 0, 0);

    public ReportingCell ToCell() => new(new ReportingCellKey(ProgrammeId, OrganisationId, DueYear), Expected, Received, OnTime);
}
