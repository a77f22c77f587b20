using System.Globalization;
using System.Text.RegularExpressions;
using CapacityHub.Common.V1;

namespace CapacityHub.ServiceDefaults.Validation;

/// <summary>Checks and conversions for the shared capacityhub.common.v1 messages.</summary>
public static partial class CommonTypes
{
    public static DateOnly ToDateOnly(this Date date) => new(date.Year, date.Month, date.Day);

    public static Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static bool IsValid(Date? date) =>
        date is not null && date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12 &&
        date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month);

    public static void Date(this FieldErrors errors, string field, Date? date, bool required = true)
    {
        if (date is null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return;
        }

        if (!IsValid(date))
        {
            errors.Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a valid calendar date");
        }
    }

    /// <summary>Validates both ends and their order; returns the range when it is usable.</summary>
    public static (DateOnly Start, DateOnly? End)? DateRange(this FieldErrors errors, string field, DateRange? range, bool endRequired = true)
    {
        if (range is null)
        {
            errors.Add(field, "is required");
            return null;
        }

        var before = errors.Violations.Count;
        errors.Date($"{field}.start_date", range.StartDate);
        errors.Date($"{field}.end_date", range.EndDate, endRequired);
        if (errors.Violations.Count != before)
        {
            return null;
        }

        var start = range.StartDate.ToDateOnly();
        DateOnly? end = range.EndDate is null ? null : range.EndDate.ToDateOnly();
        if (end < start)
        {
            errors.Add($"{field}.end_date", $"{end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}");
            return null;
        }

        return (start, end);
    }

    public static void Money(this FieldErrors errors, string field, Money? money, bool required = true)
    {
        if (money is null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return;
        }

        if (!CurrencyCodes.IsAssigned(money.CurrencyCode))
        {
            errors.Add($"{field}.currency_code", $"\"{money.CurrencyCode}\" is not an ISO 4217 currency code (e.g. \"USD\", \"JPY\")");
        }

        if (!DecimalAmount().IsMatch(money.Amount) ||
            !decimal.TryParse(money.Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            errors.Add($"{field}.amount", $"\"{money.Amount}\" is not a non-negative decimal amount such as \"1250.50\"");
        }
    }

    /// <summary>Checks "{collection}/{id}" and returns the id, or null after recording the problem.</summary>
    public static string? ResourceName(this FieldErrors errors, string field, string? name, string collection, bool required = true)
    {
        if (string.IsNullOrEmpty(name))
        {
            if (required)
            {
                errors.Add(field, $"is required (\"{collection}/{{id}}\")");
            }

            return null;
        }

        var id = ResourceNames.IdOf(name, collection);
        if (id is null)
        {
            errors.Add(field, $"\"{name}\" is not a resource name of the form \"{collection}/{{id}}\"");
        }

        return id;
    }

    [GeneratedRegex(@"^[0-9]{1,18}(\.[0-9]{1,6})?$")]
    private static partial Regex DecimalAmount();
}
