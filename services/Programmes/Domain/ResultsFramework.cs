using CapacityHub.Common.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Programmes.Domain;

/// <summary>Results → indicators → periods: their rules, stable ids and recording actuals.</summary>
public static class ResultsFramework
{
    public static void Validate(Result r, string path, FieldErrors errors)
    {
        errors.RequiredEnum($"{path}.type", r.Type);
        errors.KnownEnum($"{path}.kirkpatrick_level", r.KirkpatrickLevel);
        errors.Required($"{path}.title", r.Title);
        errors.MaxLength($"{path}.title", r.Title, 500);
        for (var i = 0; i < r.Indicators.Count; i++)
        {
            ValidateIndicator(r.Indicators[i], $"{path}.indicators[{i}]", errors);
        }
    }

    public static void ValidateIndicator(Indicator indicator, string path, FieldErrors errors)
    {
        errors.Required($"{path}.title", indicator.Title);
        errors.RequiredEnum($"{path}.measure", indicator.Measure);
        errors.KnownEnum($"{path}.metric", indicator.Metric);
        var ranges = new List<(DateOnly Start, DateOnly End, int Index)>();
        for (var i = 0; i < indicator.Periods.Count; i++)
        {
            var period = indicator.Periods[i];
            var periodPath = $"{path}.periods[{i}]";
            if (errors.DateRange($"{periodPath}.period", period.Period) is { End: { } end } range)
            {
                ranges.Add((range.Start, end, i));
            }

            if (indicator.Measure == IndicatorMeasure.Percentage)
            {
                Percentage(errors, $"{periodPath}.target", period.HasTarget ? period.Target : null);
                Percentage(errors, $"{periodPath}.actual", period.HasActual ? period.Actual : null);
            }

            ValidateBreakdown(period.TargetBySex, $"{periodPath}.target_by_sex", errors);
            ValidateBreakdown(period.ActualBySex, $"{periodPath}.actual_by_sex", errors);
        }

        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i].Start <= ranges[i - 1].End)
            {
                errors.Add($"{path}.periods[{ranges[i].Index}].period", $"overlaps period {ranges[i - 1].Index} ({ranges[i - 1].Start:yyyy-MM-dd} to {ranges[i - 1].End:yyyy-MM-dd})");
            }
        }
    }

    public static void ValidateBreakdown(IEnumerable<SexBreakdown> breakdown, string path, FieldErrors errors)
    {
        var seen = new HashSet<Sex>();
        var i = 0;
        foreach (var b in breakdown)
        {
            errors.RequiredEnum($"{path}[{i}].sex", b.Sex);
            if (b.Sex != Sex.Unspecified && !seen.Add(b.Sex))
            {
                errors.Add($"{path}[{i}].sex", $"{b.Sex} appears more than once");
            }

            if (double.IsNaN(b.Value) || double.IsInfinity(b.Value) || b.Value < 0)
            {
                errors.Add($"{path}[{i}].value", "must be a finite number, not negative");
            }

            i++;
        }
    }

    public static void RequireUniqueIds(Programme p, string prefix, FieldErrors errors)
    {
        var results = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Results.Count; i++)
        {
            var r = p.Results[i];
            if (r.ResultId.Length > 0 && !results.Add(r.ResultId))
            {
                errors.Add($"{prefix}.results[{i}].result_id", $"\"{r.ResultId}\" is used by another result");
            }

            var indicators = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < r.Indicators.Count; j++)
            {
                var id = r.Indicators[j].IndicatorId;
                if (id.Length > 0 && !indicators.Add(id))
                {
                    errors.Add($"{prefix}.results[{i}].indicators[{j}].indicator_id", $"\"{id}\" is used by another indicator of this result");
                }
            }
        }
    }

    /// <summary>Gives results and indicators without an id the next free "r{n}"/"i{n}", keeping existing ids.</summary>
    public static void AssignIds(Programme p)
    {
        var next = NextNumber(p.Results.Select(r => r.ResultId), 'r');
        foreach (var r in p.Results)
        {
            if (r.ResultId.Length == 0)
            {
                r.ResultId = $"r{next++}";
            }

            var nextIndicator = NextNumber(r.Indicators.Select(i => i.IndicatorId), 'i');
            foreach (var indicator in r.Indicators.Where(i => i.IndicatorId.Length == 0))
            {
                indicator.IndicatorId = $"i{nextIndicator++}";
            }
        }
    }

    /// <summary>Finds the indicator period with exactly these dates, or explains what is missing.</summary>
    public static (IndicatorPeriod? Period, Indicator? Indicator, string? Problem) FindPeriod(Programme p, string resultId, string indicatorId, DateRange dates)
    {
        var result = p.Results.FirstOrDefault(r => r.ResultId == resultId);
        if (result is null)
        {
            return (null, null, $"Programme {p.Code} has no result \"{resultId}\".");
        }

        var indicator = result.Indicators.FirstOrDefault(i => i.IndicatorId == indicatorId);
        if (indicator is null)
        {
            return (null, null, $"Result \"{resultId}\" of programme {p.Code} has no indicator \"{indicatorId}\".");
        }

        var period = indicator.Periods.FirstOrDefault(x => Equals(x.Period?.StartDate, dates.StartDate) && Equals(x.Period?.EndDate, dates.EndDate));
        return period is null
            ? (null, indicator, $"Indicator \"{indicatorId}\" has no period from {Format(dates.StartDate)} to {Format(dates.EndDate)}.")
            : (period, indicator, null);
    }

    private static string Format(Date? d) => d is null ? "?" : $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}";

    private static void Percentage(FieldErrors errors, string field, double? value)
    {
        if (value is { } v && !(v >= 0 && v <= 100))
        {
            errors.Add(field, $"{v} is not a percentage between 0 and 100");
        }
    }

    private static int NextNumber(IEnumerable<string> ids, char prefix) =>
        ids.Select(id => id.Length > 1 && id[0] == prefix && int.TryParse(id.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
}
