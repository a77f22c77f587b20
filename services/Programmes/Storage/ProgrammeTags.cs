using CapacityHub.Programmes.V1;

namespace CapacityHub.Programmes.Storage;

/// <summary>The tag values a programme is found by in lists.</summary>
public static class ProgrammeTags
{
    public static string Funder(string organisation) => $"funder:{organisation}";

    public static string Participant(string organisation) => $"participant:{organisation}";

    public static string Manager(string subject) => $"manager:{subject}";

    public static string Country(string code) => $"country:{code}";

    public static string Region(Common.V1.RegionGroup region) => $"region:{region}";

    public static IEnumerable<string> Of(Programme p) =>
        p.ParticipatingOrganisations.Where(o => o.Role == OrganisationRole.Funding).Select(o => Funder(o.Organisation))
            .Concat(p.ParticipatingOrganisations.Select(o => Participant(o.Organisation)))
            .Concat(p.Managers.Select(Manager))
            .Concat(p.RecipientCountries.Select(Country))
            .Concat(p.RecipientRegions.Select(Region))
            .Distinct(StringComparer.Ordinal);
}
