using System.Globalization;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Gateway.Rest.Imports;

/// <summary>Cell parsing shared by the imports; each parser records a row error and returns null when a cell is bad.</summary>
public sealed class CsvValues(List<RowError> errors)
{
    public string? Required(CsvRow row, string column)
    {
        var value = row[column];
        if (value.Length == 0)
        {
            errors.Add(new RowError(row.Number, column, "is required"));
            return null;
        }

        return value;
    }

    public string? Email(CsvRow row, string column)
    {
        var value = Required(row, column);
        if (value is null)
        {
            return null;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || !value[(at + 1)..].Contains('.', StringComparison.Ordinal) || value.Any(char.IsWhiteSpace))
        {
            errors.Add(new RowError(row.Number, column, $"\"{value}\" is not an e-mail address such as name@cert.example"));
            return null;
        }

        return value;
    }

    public string? Country(CsvRow row, string column)
    {
        var value = Required(row, column)?.ToUpperInvariant();
        var probe = new FieldErrors();
        probe.CountryCode(column, value, required: true);
        if (value is not null && !probe.IsEmpty)
        {
            errors.Add(new RowError(row.Number, column, $"\"{value}\" is not an ISO 3166-1 alpha-2 country code such as MY"));
            return null;
        }

        return value;
    }

    public Sex? SexOf(CsvRow row, string column) => row[column].ToLowerInvariant() switch
    {
        "" => Sex.Unspecified,
        "f" or "female" => Sex.Female,
        "m" or "male" => Sex.Male,
        "o" or "other" or "x" => Sex.Other,
        var other => Bad<Sex>(row, column, $"\"{other}\" is not one of female, male, other (or empty)"),
    };

    public bool? Boolean(CsvRow row, string column) => row[column].ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "y" or "present" or "x" => true,
        "0" or "false" or "no" or "n" or "absent" => false,
        "" => Bad<bool>(row, column, "is required (yes or no)"),
        var other => Bad<bool>(row, column, $"\"{other}\" is not yes or no"),
    };

    public double? Number(CsvRow row, string column)
    {
        var value = Required(row, column);
        if (value is null)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            errors.Add(new RowError(row.Number, column, $"\"{value}\" is not a number such as 42 or 7.5"));
            return null;
        }

        return number;
    }

    public DateOnly? Date(CsvRow row, string column)
    {
        var value = Required(row, column);
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new RowError(row.Number, column, $"\"{value}\" is not a date in the form 2026-03-02"));
            return null;
        }

        return date;
    }

    /// <summary>"organisations/{id}" or a bare id; null (no error) when empty.</summary>
    public string? ResourceName(CsvRow row, string column, string collection)
    {
        var value = row[column];
        if (value.Length == 0)
        {
            return null;
        }

        var name = value.Contains('/', StringComparison.Ordinal) ? value : ResourceNames.Of(collection, value);
        if (ResourceNames.IdOf(name, collection) is null)
        {
            errors.Add(new RowError(row.Number, column, $"\"{value}\" is not {collection}/{{id}} or an id"));
            return null;
        }

        return name;
    }

    public T? Bad<T>(CsvRow row, string column, string message)
        where T : struct
    {
        errors.Add(new RowError(row.Number, column, message));
        return null;
    }
}
