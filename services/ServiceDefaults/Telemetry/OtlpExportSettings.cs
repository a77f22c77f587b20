using Microsoft.Extensions.Configuration;

namespace CapacityHub.ServiceDefaults.Telemetry;

/// <summary>
/// Which signals leave the process. Export happens only where an OTLP endpoint is configured
/// (OTEL_EXPORTER_OTLP_ENDPOINT for all signals, or the per-signal variables), so a developer's
/// local run does not retry against a collector that is not there.
/// </summary>
internal sealed record OtlpExportSettings(bool Traces, bool Metrics, bool Logs)
{
    public static OtlpExportSettings From(IConfiguration configuration)
    {
        var all = IsSet(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        return new OtlpExportSettings(
            Traces: all || IsSet(configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
            Metrics: all || IsSet(configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"),
            Logs: all || IsSet(configuration, "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"));
    }

    private static bool IsSet(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
