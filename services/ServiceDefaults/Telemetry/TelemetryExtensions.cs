using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CapacityHub.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces, metrics and logs for one CapacityHub process. The standard OTEL_* variables
    /// configure export (endpoint, protocol, service name, resource attributes, sampler); with no
    /// endpoint set nothing is exported, but spans still exist so trace ids reach the logs.
    /// </summary>
    public static WebApplicationBuilder AddCapacityHubTelemetry(this WebApplicationBuilder builder, string defaultServiceName)
    {
        var configuration = builder.Configuration;
        var export = OtlpExportSettings.From(configuration);
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : defaultServiceName;

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (export.Logs)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.SetResourceBuilder(Resource(serviceName));
                logging.IncludeScopes = true;
                logging.AddOtlpExporter();
            });
        }

        var sdk = OpenTelemetrySdk.Create(otel =>
        {
            otel.ConfigureResource(resource => resource.AddService(serviceName).AddEnvironmentVariableDetector());
            otel.WithTracing(tracing =>
            {
                tracing.AddSource(TelemetryNames.ActivitySources);
                if (export.Traces)
                {
                    tracing.AddOtlpExporter();
                }
            });
            otel.WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Meters);
                if (export.Metrics)
                {
                    metrics.AddOtlpExporter();
                }
            });
        });
        builder.Services.AddSingleton(sdk);
        builder.Services.AddHostedService<TelemetryLifetime>();
        builder.Services.AddTransient<IStartupFilter, HttpServerSpans>();
        return builder;
    }

    private static ResourceBuilder Resource(string serviceName) =>
        ResourceBuilder.CreateDefault().AddService(serviceName).AddEnvironmentVariableDetector();
}
