using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Trainings.Domain.Nominations;

/// <summary>Recorded sex, used only in aggregates (gender balance); unknown is a valid answer.</summary>
public enum Sex
{
    NotRecorded = 0,
    Female = 1,
    Male = 2,
    Other = 3,
}

/// <summary>A person nominated to a training. Personal data: only the nominating partner and managers see it.</summary>
public sealed record Participant
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string OrganisationId { get; init; }
    public required string CountryCode { get; init; }
    public Sex Sex { get; init; }
    public string Sector { get; init; } = "";
    public string JobTitle { get; init; } = "";

    public void Validate(string prefix = "participant")
    {
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(Id), $"{prefix}.id", "is required")
            .Require(!string.IsNullOrWhiteSpace(Name), $"{prefix}.name", "is required")
            .Require(IsEmail(Email), $"{prefix}.email", "must be an e-mail address such as name@cert.example")
            .Require(!string.IsNullOrWhiteSpace(OrganisationId), $"{prefix}.organisation_id", "is required")
            .Require(Scheduling.CountryCodes.IsAlpha2(CountryCode), $"{prefix}.country_code", "must be an ISO 3166-1 alpha-2 code such as 'MY'")
            .Require(Enum.IsDefined(Sex), $"{prefix}.sex", "is not a known value")
            .SingleLine(Id, $"{prefix}.id", TextLimits.Name)
            .SingleLine(Name, $"{prefix}.name", TextLimits.Name)
            .SingleLine(Email, $"{prefix}.email", TextLimits.Email)
            .SingleLine(Sector, $"{prefix}.sector", TextLimits.Name)
            .SingleLine(JobTitle, $"{prefix}.job_title", TextLimits.Name)
            .ThrowIfAny();
    }

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 3
            && email[(at + 1)..].Contains('.', StringComparison.Ordinal) && !email.Any(char.IsWhiteSpace);
    }
}
