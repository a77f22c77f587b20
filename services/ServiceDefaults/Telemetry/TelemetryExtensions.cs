using Microsoft.AspNetCore.Builder;
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
    /// Traces, metrics and logs for one CapacityHub process, on OpenTelemetry.Extensions.Hosting. The standard
    /// OTEL_* variables configure export (endpoint, protocol, service name, resource attributes, sampler); with
    /// no endpoint set nothing is exported, but spans still exist so trace ids reach the logs.
    /// </summary>
    public static WebApplicationBuilder AddCapacityHubTelemetry(this WebApplicationBuilder builder, string defaultServiceName)
    {
        var configuration = builder.Configuration;
        var export = OtlpExportSettings.From(configuration);
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : defaultServiceName;

        // ASP.NET Core writes three lines per request at Information, which cost more CPU than a GetTraining call:
        // requests are traced instead. Lowest priority, so appsettings and Logging__LogLevel__* still decide.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            },
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName).AddEnvironmentVariableDetector())
            .WithTracing(tracing =>
            {
                tracing.AddSource(TelemetryNames.ActivitySources)
                    .AddAspNetCoreInstrumentation(options => options.EnrichWithHttpResponse = RpcServerTelemetry.NameRpcSpan)
                    .AddHttpClientInstrumentation()
                    .AddGrpcClientInstrumentation(options =>
                    {
                        // The instrumentation names the span after the RPC but leaves the RPC conventions' attributes out.
                        options.EnrichWithHttpRequestMessage = RpcClientSpans.Describe;
                    });
                if (export.Traces)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Meters)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (export.Metrics)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (export.Logs)
        {
            otel.WithLogging(logging => logging.AddOtlpExporter(), options => options.IncludeScopes = true);
        }

        return builder;
    }
}
