using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;

namespace CapacityHub.ServiceDefaults.Validation;

/// <summary>
/// Collects every problem of a request before answering, so a caller fixes all fields in one round trip
/// instead of one per call. Field paths use proto field names ("programme.budgets[1].value.amount").
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldViolation> violations = [];

    public IReadOnlyList<FieldViolation> Violations => violations;

    public bool IsEmpty => violations.Count == 0;

    public void Add(string field, string description) => violations.Add(new FieldViolation(field, description));

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"must be at most {max} characters (got {value.Length})");
        }
    }

    public void RequiredEnum<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Add(field, $"is required (one of {string.Join(", ", KnownNames<TEnum>())})");
        }
        else
        {
            KnownEnum(field, value);
        }
    }

    /// <summary>Rejects numbers that no enum value carries (a newer client or a typo in a raw call).</summary>
    public void KnownEnum<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(field, $"{Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)} is not a known value (one of {string.Join(", ", KnownNames<TEnum>())})");
        }
    }

    public void CountryCode(string field, string? code, bool required = true)
    {
        if (string.IsNullOrEmpty(code))
        {
            if (required)
            {
                Add(field, "is required (an ISO 3166-1 alpha-2 code such as \"JP\")");
            }

            return;
        }

        if (!CountryCodes.IsAssigned(code))
        {
            Add(field, $"\"{code}\" is not an assigned ISO 3166-1 alpha-2 country code (upper case, e.g. \"TH\")");
        }
    }

    /// <summary>Throws INVALID_ARGUMENT with a BadRequest detail listing every violation, if there are any.</summary>
    public void ThrowIfAny(string what)
    {
        if (violations.Count > 0)
        {
            var first = violations[0];
            var more = violations.Count > 1 ? $" (and {violations.Count - 1} more)" : "";
            throw RpcException.InvalidArgument($"Invalid {what}: {first.Field} {first.Description}{more}", [.. violations]);
        }
    }

    private static IEnumerable<string> KnownNames<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => v.ToString());
}
