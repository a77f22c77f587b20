namespace CapacityHub.Partners.Storage;

/// <summary>
/// An organisation as stored: the full resource as proto JSON plus the scalars lists filter and sort on.
/// Region groups are flags because the store indexes scalars, not arrays. <see cref="SearchText"/> (name,
/// acronym, id) is null in documents written before search existed, until the start-up rewrite fills it in.
/// </summary>
public sealed record StoredOrganisation(
    string Id,
    string SortName,
    string? IatiIdentifier,
    string CountryCode,
    string Type,
    string Status,
    bool Asean,
    bool Arf,
    bool IndoPacific,
    string Resource,
    string? SearchText = null);
