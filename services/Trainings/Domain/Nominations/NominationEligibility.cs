namespace CapacityHub.Trainings.Domain.Nominations;

/// <summary>The organisation that nominates, as the Partners and Programmes services record it.</summary>
public sealed record Nominator(string Organisation, string CountryCode, bool NominatingAuthority);

/// <summary>The participant's employer, as the Partners and Programmes services record it.</summary>
public sealed record Employer(string Organisation, string CountryCode, bool ParticipatesInProgramme);

/// <summary>
/// Whom a partner may nominate (DOMAIN.md, "Rules that users rely on"): its own people; or, when it is the
/// programme's recorded nominating authority, people of other organisations of its own country that take part
/// in the programme. The participant's country is its employer's, so quotas count where the person works and
/// cannot be dodged by declaring another country.
/// </summary>
public static class NominationEligibility
{
    /// <summary>Why <paramref name="nominator"/> may not nominate people of <paramref name="employer"/>; null when it may.</summary>
    public static string? Refusal(Nominator nominator, Employer employer)
    {
        if (employer.Organisation == nominator.Organisation)
        {
            return null;
        }

        const string Rule = "a partner nominates its own people, or people of organisations of its country that take part in the programme when it is the programme's nominating authority";
        if (!nominator.NominatingAuthority)
        {
            return $"{nominator.Organisation} may not nominate people of {employer.Organisation}: it is not a nominating authority of this programme ({Rule}).";
        }

        if (!employer.ParticipatesInProgramme)
        {
            return $"{nominator.Organisation} may not nominate people of {employer.Organisation}: that organisation does not take part in this programme ({Rule}).";
        }

        return employer.CountryCode != nominator.CountryCode
            ? $"{nominator.Organisation} ({nominator.CountryCode}) may not nominate people of {employer.Organisation} ({employer.CountryCode}): a nominating authority nominates for its own country ({Rule})."
            : null;
    }

    /// <summary>The participant's country: the employer's. A different declared country is refused, naming the field.</summary>
    public static string CountryOf(Employer employer, string declared, string field)
    {
        if (declared.Length > 0 && declared != employer.CountryCode)
        {
            throw new DomainValidationException(field,
                $"is {declared}, but a participant's country follows the organisation it works for: {employer.Organisation} is in {employer.CountryCode} (leave it empty or give {employer.CountryCode})");
        }

        return employer.CountryCode;
    }
}
