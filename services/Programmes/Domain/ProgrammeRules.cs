using System.Text.RegularExpressions;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Programmes.Domain;

/// <summary>
/// Every rule a programme's own fields must satisfy, checked all at once so the caller sees each bad field
/// with its proto path. Cross-service facts (does an organisation exist) are not checked here.
/// </summary>
public static partial class ProgrammeRules
{
    public const string Organisations = "organisations";
    public const string Programmes = "programmes";

    public static void Validate(Programme p, string prefix, FieldErrors errors)
    {
        errors.Required($"{prefix}.code", p.Code);
        if (!string.IsNullOrEmpty(p.Code) && !Code().IsMatch(p.Code))
        {
            errors.Add($"{prefix}.code", $"\"{p.Code}\" must be 1-32 letters, digits, '-', '_' or '.'");
        }

        if (!string.IsNullOrEmpty(p.IatiIdentifier) && !IatiIdentifier().IsMatch(p.IatiIdentifier))
        {
            errors.Add($"{prefix}.iati_identifier", $"\"{p.IatiIdentifier}\" is not an IATI identifier (reporting organisation prefix, '-', own id; no spaces)");
        }

        errors.Required($"{prefix}.title", p.Title);
        errors.MaxLength($"{prefix}.title", p.Title, 300);
        errors.MaxLength($"{prefix}.description", p.Description, 20000);
        errors.DateRange($"{prefix}.planned_period", p.PlannedPeriod);
        var selfId = ResourceNames.IdOf(p.Name, Programmes);
        var parentId = errors.ResourceName($"{prefix}.parent", p.Parent, Programmes, required: false);
        if (parentId is not null && parentId == selfId)
        {
            errors.Add($"{prefix}.parent", "a programme cannot be its own parent");
        }

        Distinct(errors, $"{prefix}.themes", p.Themes, t => errors.RequiredEnum($"{prefix}.themes", t));
        Distinct(errors, $"{prefix}.recipient_countries", p.RecipientCountries, c => errors.CountryCode($"{prefix}.recipient_countries", c));
        Distinct(errors, $"{prefix}.recipient_regions", p.RecipientRegions, r => errors.RequiredEnum($"{prefix}.recipient_regions", r));
        ValidateParticipants(p, prefix, errors);
        ValidateManagers(p, prefix, errors);
        ValidateBudgets(p, prefix, errors);
        ValidateFunderShares(p, prefix, errors);
        for (var i = 0; i < p.Results.Count; i++)
        {
            ResultsFramework.Validate(p.Results[i], $"{prefix}.results[{i}]", errors);
        }

        ResultsFramework.RequireUniqueIds(p, prefix, errors);
    }

    /// <summary>An organisation nominates participants where it is the nominating authority or a beneficiary.</summary>
    public static bool MayNominate(ParticipatingOrganisation o) =>
        o.LocalRoles.Any(r => r is LocalRole.NominatingAuthority or LocalRole.Beneficiary);

    public static void ValidateParticipant(ParticipatingOrganisation o, string path, FieldErrors errors)
    {
        errors.ResourceName($"{path}.organisation", o.Organisation, Organisations);
        errors.RequiredEnum($"{path}.role", o.Role);
        Distinct(errors, $"{path}.local_roles", o.LocalRoles, r => errors.RequiredEnum($"{path}.local_roles", r));
    }

    private static void ValidateParticipants(Programme p, string prefix, FieldErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.ParticipatingOrganisations.Count; i++)
        {
            var o = p.ParticipatingOrganisations[i];
            var path = $"{prefix}.participating_organisations[{i}]";
            ValidateParticipant(o, path, errors);
            if (!string.IsNullOrEmpty(o.Organisation) && !seen.Add(o.Organisation))
            {
                errors.Add($"{path}.organisation", $"{o.Organisation} is listed more than once");
            }
        }
    }

    /// <summary>Managers are user subjects: one line each, listed once.</summary>
    private static void ValidateManagers(Programme p, string prefix, FieldErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Managers.Count; i++)
        {
            var path = $"{prefix}.managers[{i}]";
            errors.Required(path, p.Managers[i]);
            errors.SingleLine(path, p.Managers[i], TextLimits.Name);
            if (p.Managers[i].Length > 0 && !seen.Add(p.Managers[i]))
            {
                errors.Add(path, $"{p.Managers[i]} is listed more than once");
            }
        }
    }

    private static void ValidateBudgets(Programme p, string prefix, FieldErrors errors)
    {
        for (var i = 0; i < p.Budgets.Count; i++)
        {
            var b = p.Budgets[i];
            var path = $"{prefix}.budgets[{i}]";
            RequireFunder(p, $"{path}.funder", b.Funder, errors);
            var range = errors.DateRange($"{path}.period", b.Period);
            if (range is { End: { } end } && end > range.Value.Start.AddYears(1).AddDays(-1))
            {
                errors.Add($"{path}.period", "a budget period may be at most one year long (IATI); split it into yearly budgets");
            }

            errors.Money($"{path}.value", b.Value);
        }
    }

    private static void ValidateFunderShares(Programme p, string prefix, FieldErrors errors)
    {
        if (p.FunderShares.Count == 0)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.FunderShares.Count; i++)
        {
            var s = p.FunderShares[i];
            var path = $"{prefix}.funder_shares[{i}]";
            RequireFunder(p, $"{path}.funder", s.Funder, errors);
            if (!string.IsNullOrEmpty(s.Funder) && !seen.Add(s.Funder))
            {
                errors.Add($"{path}.funder", $"{s.Funder} has more than one share");
            }

            if (!(s.SharePercent > 0 && s.SharePercent <= 100))
            {
                errors.Add($"{path}.share_percent", $"{s.SharePercent} must be more than 0 and at most 100");
            }
        }

        var total = p.FunderShares.Sum(s => s.SharePercent);
        if (Math.Abs(total - 100) > 0.005)
        {
            errors.Add($"{prefix}.funder_shares", $"shares add up to {total:0.##}%, not 100%");
        }
    }

    private static void RequireFunder(Programme p, string field, string funder, FieldErrors errors)
    {
        if (errors.ResourceName(field, funder, Organisations) is null)
        {
            return;
        }

        if (!p.ParticipatingOrganisations.Any(o => o.Organisation == funder && o.Role == OrganisationRole.Funding))
        {
            errors.Add(field, $"{funder} must participate in the programme with role FUNDING");
        }
    }

    private static void Distinct<T>(FieldErrors errors, string field, IEnumerable<T> values, Action<T> check)
    {
        var seen = new HashSet<T>();
        foreach (var value in values)
        {
            check(value);
            if (!seen.Add(value))
            {
                errors.Add(field, $"{value} is listed more than once");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[A-Za-z]{2}-[A-Za-z0-9./:_-]{1,150}$")]
    private static partial Regex IatiIdentifier();
}
