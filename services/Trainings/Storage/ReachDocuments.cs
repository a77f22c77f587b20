namespace CapacityHub.Trainings.Storage;

/// <summary>
/// How many enrolments one person (by e-mail) has in one programme-year, and the reach cell key they were
/// counted under when the count left zero, so the same cell loses them when it returns to zero.
/// </summary>
public sealed record PersonReachDocument(string Id, long Enrolments, string ProgrammeId, int Year, string CountryCode, string OrganisationId, string OrganisationType, string Sector, Domain.Nominations.Sex Sex)
{
    // Derived from the fields above: not stored again (it doubled every person's record).
    [System.Text.Json.Serialization.JsonIgnore]
    public Domain.Impact.ReachCellKey Key => new(ProgrammeId, Year, CountryCode, OrganisationId, OrganisationType, Sector, Sex);
}
