namespace CapacityHub.Trainings.Api;

/// <summary>The organisations of a country, as the Partners service records them.</summary>
public interface ICountryOrganisations
{
    Task<IReadOnlySet<string>> OrganisationsInAsync(string countryCode, CancellationToken ct);
}
