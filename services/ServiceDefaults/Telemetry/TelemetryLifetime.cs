using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CapacityHub.ServiceDefaults.Telemetry;

/// <summary>
/// Ties the OpenTelemetry SDK to the host: providers start with the process (they are built
/// before the host runs) and are flushed and shut down when the host stops, after in-flight
/// requests have drained, so the last spans of a graceful shutdown are not lost.
/// </summary>
internal sealed class TelemetryLifetime(OpenTelemetrySdk sdk) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        sdk.TracerProvider.ForceFlush(5000);
        sdk.MeterProvider.ForceFlush(5000);
        sdk.Dispose();
        return Task.CompletedTask;
    }
}
