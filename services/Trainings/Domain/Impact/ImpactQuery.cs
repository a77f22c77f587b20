using NodaTime;

namespace CapacityHub.Trainings.Domain.Impact;

public enum ImpactAudience
{
    /// <summary>Programme managers and partners: exact figures.</summary>
    Internal = 1,
    /// <summary>Funders: small cells suppressed so no participant can be singled out.</summary>
    Funder = 2,
}

/// <summary>
/// Which slice of the aggregates to fold. Programmes are always explicit: a funder view is the set of
/// programmes the funder funds, resolved from the Programmes service by the caller.
/// </summary>
public sealed record ImpactQuery
{
    public required IReadOnlySet<string> ProgrammeIds { get; init; }
    public string? CountryCode { get; init; }
    public string? OrganisationId { get; init; }
    /// <summary>
    /// With a country filter, the organisations of that country (from the Partners service): reporting cells
    /// are per organisation, not per participant, so this is how they follow the country filter.
    /// </summary>
    public IReadOnlySet<string>? CountryOrganisations { get; init; }
    /// <summary>Inclusive; trainings are in the period by their first session date.</summary>
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
    public ImpactAudience Audience { get; init; } = ImpactAudience.Internal;
    public int MinimumCellCount { get; init; } = DefaultMinimumCellCount;

    public const int DefaultMinimumCellCount = 5;

    public bool Suppresses => Audience == ImpactAudience.Funder && MinimumCellCount > 1;

    public void Validate() =>
        new FieldErrors()
            .Require(ProgrammeIds.Count > 0, "programme_ids", "name at least one programme (a funder's programmes are resolved before the query)")
            .Require(CountryCode is null || Scheduling.CountryCodes.IsAlpha2(CountryCode), "country_code", "must be an ISO 3166-1 alpha-2 code")
            .Require(From is null || To is null || From <= To, "period.end", "must not be before the period start")
            .Require(MinimumCellCount is >= 1 and <= 100, "minimum_cell_count", "must be between 1 and 100")
            .Require(Audience != ImpactAudience.Funder || MinimumCellCount >= DefaultMinimumCellCount, "minimum_cell_count",
                $"funder views suppress cells below at least {DefaultMinimumCellCount}")
            .ThrowIfAny();

    /// <summary>Country and organisation filters need participant cells; otherwise training roll-ups suffice.</summary>
    public bool NeedsParticipantCells => CountryCode is not null || OrganisationId is not null;

    public bool IncludesTraining(TrainingFacts training) =>
        ProgrammeIds.Contains(training.ProgrammeId)
        && (From is null || training.StartDate >= From)
        && (To is null || training.StartDate <= To);

    public bool IncludesYear(int year) => (From is null || year >= From.Value.Year) && (To is null || year <= To.Value.Year);

    public bool IncludesCell(string countryCode, string organisationId) =>
        (CountryCode is null || CountryCode == countryCode) && (OrganisationId is null || OrganisationId == organisationId);
}
