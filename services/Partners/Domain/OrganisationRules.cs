using System.Net.Mail;
using System.Text.RegularExpressions;
using CapacityHub.Partners.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Partners.Domain;

/// <summary>What an organisation's fields must satisfy; every problem is reported with its proto path.</summary>
public static partial class OrganisationRules
{
    public const string Collection = "organisations";

    /// <summary>E.164 allows 15 digits; room for a "+", spaces and an extension.</summary>
    public const int MaxPhone = 40;

    public static void Validate(Organisation o, string prefix, FieldErrors errors)
    {
        if (!string.IsNullOrEmpty(o.IatiIdentifier) && !IatiIdentifier().IsMatch(o.IatiIdentifier))
        {
            errors.Add($"{prefix}.iati_identifier", $"\"{o.IatiIdentifier}\" is not an IATI organisation identifier (agency prefix such as \"XM-DAC\" or \"JP\", '-', id; no spaces)");
        }

        errors.MaxLength($"{prefix}.iati_identifier", o.IatiIdentifier, 100);
        errors.Required($"{prefix}.display_name", o.DisplayName);
        // Official names of ministries and agencies run longer than a person's name; still one line.
        errors.SingleLine($"{prefix}.display_name", o.DisplayName, 300);
        errors.SingleLine($"{prefix}.acronym", o.Acronym, 40);
        errors.RequiredEnum($"{prefix}.type", o.Type);
        errors.CountryCode($"{prefix}.country_code", o.CountryCode);
        errors.SingleLine($"{prefix}.country_display_name", o.CountryDisplayName, 100);
        errors.KnownEnum($"{prefix}.status", o.Status);
        var regions = new HashSet<Common.V1.RegionGroup>();
        foreach (var region in o.RegionGroups)
        {
            errors.RequiredEnum($"{prefix}.region_groups", region);
            if (!regions.Add(region))
            {
                errors.Add($"{prefix}.region_groups", $"{region} is listed more than once");
            }
        }

        for (var i = 0; i < o.Contacts.Count; i++)
        {
            ValidateContact(o.Contacts[i], $"{prefix}.contacts[{i}]", errors);
        }
    }

    /// <summary>Fills what the server decides: default status and the country name people see.</summary>
    public static void ApplyDefaults(Organisation o)
    {
        if (o.Status == OrganisationStatus.Unspecified)
        {
            o.Status = OrganisationStatus.Active;
        }

        if (string.IsNullOrWhiteSpace(o.CountryDisplayName))
        {
            o.CountryDisplayName = CountryCodes.ShortNameOf(o.CountryCode) ?? "";
        }
    }

    private static void ValidateContact(Contact c, string path, FieldErrors errors)
    {
        errors.Required($"{path}.full_name", c.FullName);
        errors.SingleLine($"{path}.full_name", c.FullName, TextLimits.Name);
        errors.Required($"{path}.email", c.Email);
        errors.SingleLine($"{path}.email", c.Email, TextLimits.Email);
        errors.SingleLine($"{path}.phone", c.Phone, MaxPhone);
        errors.SingleLine($"{path}.job_title", c.JobTitle, TextLimits.Name);
        if (!string.IsNullOrWhiteSpace(c.Email) && !IsEmail(c.Email))
        {
            errors.Add($"{path}.email", $"\"{c.Email}\" is not an e-mail address");
        }

        if (c.Roles.Count == 0)
        {
            errors.Add($"{path}.roles", "name at least one focal-point role");
        }

        foreach (var role in c.Roles)
        {
            errors.RequiredEnum($"{path}.roles", role);
        }
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z]{2}(-[A-Za-z0-9]+)*-[A-Za-z0-9./:_-]+$")]
    private static partial Regex IatiIdentifier();
}
