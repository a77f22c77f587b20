using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Trainings.Domain.Scheduling;

/// <summary>The editable description of a training, validated as a whole before it is accepted.</summary>
public sealed record TrainingDefinition
{
    public required string ProgrammeId { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public required string Language { get; init; }
    public required TrainingMode Mode { get; init; }
    public required Venue Venue { get; init; }
    public required int Seats { get; init; }
    public int WaitlistSize { get; init; }
    public required NominationWindow NominationWindow { get; init; }
    public IReadOnlyList<Quota> Quotas { get; init; } = [];
    public string EligibilityNotes { get; init; } = "";

    public const int MaxTitleLength = 200;
    public const int MaxSeats = 10_000;

    public void Validate()
    {
        var errors = new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(ProgrammeId), "programme_id", "is required")
            .Require(!string.IsNullOrWhiteSpace(Title), "title", "is required")
            .Require(Title.Length <= MaxTitleLength, "title", $"must be at most {MaxTitleLength} characters")
            .Require(IsLanguageTag(Language), "language", "must be a BCP 47 language tag such as 'en' or 'ja-JP'")
            .Require(Enum.IsDefined(Mode), "mode", "must be in person, online or blended")
            .Require(Seats is > 0 and <= MaxSeats, "seats", $"must be between 1 and {MaxSeats}")
            .Require(WaitlistSize is >= 0 and <= MaxSeats, "waitlist_size", $"must be between 0 and {MaxSeats}")
            .Require(NominationWindow.Opens < NominationWindow.Deadline, "nomination_window.deadline", "must be after the window opens")
            .Require(Topics.All(t => !string.IsNullOrWhiteSpace(t)), "topics", "must not contain blank topics")
            .Require(Mode == TrainingMode.Online || !string.IsNullOrWhiteSpace(Venue.Name), "venue.name", "is required for in-person and blended trainings")
            .Require(string.IsNullOrEmpty(Venue.CountryCode) || CountryCodes.IsAlpha2(Venue.CountryCode), "venue.country_code", "must be an ISO 3166-1 alpha-2 code such as 'JP'")
            .SingleLine(Title, "title", MaxTitleLength)
            .SingleLine(Venue.Name, "venue.name", TextLimits.Name)
            .SingleLine(Venue.City, "venue.city", TextLimits.Name)
            .MultiLine(EligibilityNotes, "eligibility_notes", TextLimits.Narrative);
        for (var i = 0; i < Topics.Count; i++)
        {
            errors.SingleLine(Topics[i], $"topics[{i}]", TextLimits.Name);
        }

        for (var i = 0; i < Quotas.Count; i++)
        {
            var quota = Quotas[i];
            errors.Require(Enum.IsDefined(quota.Scope), $"quotas[{i}].scope", "must be country or organisation");
            errors.Require(quota.Seats > 0, $"quotas[{i}].seats", "must be at least 1");
            errors.Require(quota.Scope != QuotaScope.Country || CountryCodes.IsAlpha2(quota.Key), $"quotas[{i}].key", "must be an ISO 3166-1 alpha-2 code such as 'VN'");
            errors.Require(quota.Scope != QuotaScope.Organisation || !string.IsNullOrWhiteSpace(quota.Key), $"quotas[{i}].key", "must name an organisation");
            errors.Require(Quotas.Take(i).All(q => q.Scope != quota.Scope || q.Key != quota.Key), $"quotas[{i}].key", "is already given a quota");
        }

        errors.ThrowIfAny();
    }

    private static bool IsLanguageTag(string tag) =>
        !string.IsNullOrWhiteSpace(tag)
        && tag.Length <= 35
        && tag.Split('-').All(part => part.Length is >= 1 and <= 8 && part.All(char.IsAsciiLetterOrDigit))
        && tag.Split('-')[0].All(char.IsAsciiLetter);
}

public static class CountryCodes
{
    /// <summary>Shape check only; whether the code is assigned is the Partners service's business.</summary>
    public static bool IsAlpha2(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper);
}
