using CapacityHub.Partners.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Partners.Domain;

/// <summary>What an agreement's own fields must satisfy (whether its parties exist is checked by the Api).</summary>
public static class AgreementRules
{
    public const string Collection = "agreements";

    public static void Validate(Agreement a, string prefix, FieldErrors errors)
    {
        errors.RequiredEnum($"{prefix}.type", a.Type);
        errors.Required($"{prefix}.title", a.Title);
        errors.SingleLine($"{prefix}.title", a.Title, 300);
        if (a.Parties.Count < 2)
        {
            errors.Add($"{prefix}.parties", "an agreement needs at least two parties");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < a.Parties.Count; i++)
        {
            errors.ResourceName($"{prefix}.parties[{i}]", a.Parties[i], OrganisationRules.Collection);
            if (!seen.Add(a.Parties[i]))
            {
                errors.Add($"{prefix}.parties[{i}]", $"{a.Parties[i]} is listed more than once");
            }
        }

        errors.ResourceName($"{prefix}.programme", a.Programme, "programmes", required: false);
        errors.Date($"{prefix}.signed_date", a.SignedDate, required: false);
        errors.DateRange($"{prefix}.term", a.Term, endRequired: false);
        errors.Money($"{prefix}.amount", a.Amount, required: a.Type == AgreementType.Grant);
        if (a.ReportingSchedule is { } schedule)
        {
            errors.KnownEnum($"{prefix}.reporting_schedule.frequency", schedule.Frequency);
            if (schedule.DueDays is < 0 or > 365)
            {
                errors.Add($"{prefix}.reporting_schedule.due_days", $"{schedule.DueDays} must be between 0 and 365");
            }
        }
    }
}
