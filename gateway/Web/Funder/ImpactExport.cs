using System.Globalization;
using System.Text;
using CapacityHub.Gateway.Web.Shell;
using MetricValue = CapacityHub.Trainings.V1.Metric;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>
/// The dashboard's figures as CSV (metric, value, numerator, denominator, suppressed), with the same filters.
/// A suppressed figure has empty cells and suppressed=true: never 0, which would read as "nobody".
/// </summary>
public static class ImpactExport
{
    public static async Task<IResult> CsvAsync(WebRequest request)
    {
        var filters = ImpactFilters.From(request);
        var figures = await FunderDashboardData.LoadAsync(request, filters);
        var m = figures.Metrics;
        var csv = new StringBuilder("metric,value,numerator,denominator,suppressed\n");
        void Row(string name, MetricValue? metric)
        {
            if (metric is { Suppressed: true })
            {
                csv.Append(Escape(name)).Append(",,,,true\n");
            }
            else if (metric is not null)
            {
                csv.Append(Escape(name)).Append(',').Append(metric.HasValue ? metric.Value.ToString("0.######", CultureInfo.InvariantCulture) : "")
                    .Append(',').Append(metric.Numerator.ToString(CultureInfo.InvariantCulture)).Append(',').Append(metric.Denominator.ToString(CultureInfo.InvariantCulture))
                    .Append(',').Append(metric.Suppressed ? "true" : "false").Append('\n');
            }
        }

        Row("unique_participants", m.UniqueParticipants);
        Row("participations", m.Participations);
        Row("fill_rate", m.FillRate);
        Row("no_show_rate", m.NoShowRate);
        Row("attendance_rate", m.AttendanceRate);
        Row("completion_rate", m.CompletionRate);
        Row("mean_gain_points", m.MeanGainPoints);
        Row("mean_normalised_gain", m.MeanNormalisedGain);
        Row("female_share", m.FemaleShare);
        Row("reports_received", m.ReportsReceived);
        Row("reports_on_time", m.ReportsOnTime);
        foreach (var country in m.FemaleShareByCountry.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Row($"female_share[{country.Key}]", country.Value);
        }

        csv.Append("countries,").Append(m.Countries.ToString(CultureInfo.InvariantCulture)).Append(",,,false\n")
            .Append("organisations,").Append(m.Organisations.ToString(CultureInfo.InvariantCulture)).Append(",,,false\n");
        foreach (var indicator in figures.Indicators)
        {
            csv.Append(Escape($"indicator_progress[{indicator.Programme}: {indicator.Indicator}]")).Append(',')
                .Append(indicator.Progress?.ToString("0.######", CultureInfo.InvariantCulture) ?? "").Append(",,,false\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "impact-figures.csv");
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
