using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>
/// Fictional people for the nominations, made up from the demo file's name lists. The same inputs always
/// give the same people, so a re-run of the seeder nominates nobody twice.
/// </summary>
internal sealed class DemoParticipants(DemoDataFile data)
{
    private readonly Dictionary<string, int> issued = new(StringComparer.Ordinal);

    /// <summary>The next person from <paramref name="organisation"/>: each training gets new people.</summary>
    public Participant Next(DemoOrganisation organisation)
    {
        var n = issued.GetValueOrDefault(organisation.Key);
        issued[organisation.Key] = n + 1;
        var people = data.Participants;
        var seed = data.Organisations.ToList().IndexOf(organisation);
        // Two in five are women: the demo shows gender balance below parity, as in the sector.
        var female = n % 5 is 0 or 2;
        var givenNames = female ? people.GivenNamesFemale : people.GivenNamesMale;
        var given = givenNames[(seed * 3 + n) % givenNames.Count];
        var family = people.FamilyNames[(seed + n * 7) % people.FamilyNames.Count];
        return new Participant
        {
            ParticipantId = $"{organisation.Key}-{n + 1:000}",
            DisplayName = $"{given} {family}",
            Email = $"{Slug(given)}.{Slug(family)}.{n + 1}@{organisation.Key}.example",
            Organisation = $"organisations/{organisation.Key}",
            CountryCode = organisation.Country,
            Sex = female ? Sex.Female : Sex.Male,
            Sector = SectorOf(organisation.Type),
            JobTitle = people.JobTitles[(seed + n) % people.JobTitles.Count],
        };
    }

    private static string SectorOf(string organisationType) => organisationType switch
    {
        "CSIRT" => "CERT",
        "LAW_ENFORCEMENT" => "law enforcement",
        "CRITICAL_INFRASTRUCTURE_OPERATOR" => "critical infrastructure",
        _ => "government",
    };

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
