using System.Globalization;
using CapacityHub.Common.V1;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>Turns the demo file's plain strings into proto values.</summary>
internal static class ProtoValues
{
    /// <summary>"INCIDENT_MANAGEMENT_AND_CIIP" → GfceTheme.IncidentManagementAndCiip (C# proto enums drop the prefix and underscores).</summary>
    public static TEnum Enum<TEnum>(string upperSnake)
        where TEnum : struct, System.Enum =>
        System.Enum.Parse<TEnum>(upperSnake.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    /// <summary>Like <see cref="Enum{TEnum}"/>, but unspecified for names the API does not know (e.g. a metric not computed yet).</summary>
    public static TEnum EnumOrUnspecified<TEnum>(string? upperSnake)
        where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(upperSnake?.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value) ? value : default;

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    public static Date Date(string iso) => Date(Day(iso));

    public static DateRange Range(DemoPeriod period) => new()
    {
        StartDate = Date(period.Start),
        EndDate = period.End is null ? null : Date(period.End),
    };

    public static Trainings.V1.TimeOfDay Time(string hhmm)
    {
        var t = TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);
        return new Trainings.V1.TimeOfDay { Hours = t.Hour, Minutes = t.Minute };
    }
}
