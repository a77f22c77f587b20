using System.Diagnostics;
using System.Diagnostics.Metrics;
using CapacityHub.Observability.Tests.Otlp;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CapacityHub.Observability.Tests;

/// <summary>
/// The receiver must decode what the real OpenTelemetry .NET exporter sends, or the
/// cross-process trace tests could pass or fail for the wrong reasons.
/// </summary>
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private readonly OtlpReceiver receiver = new();

    public Task InitializeAsync() => receiver.StartAsync();

    public Task DisposeAsync() => receiver.DisposeAsync().AsTask();

    [Fact]
    public async Task SpansFromTheOtlpExporterArriveWithParentLinksAndAttributes()
    {
        using var source = new ActivitySource("receiver-test");
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("receiver-test-service"))
            .AddSource(source.Name)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(receiver.Endpoint + "/v1/traces");
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
            })
            .Build())
        {
            using (var parent = source.StartActivity("parent", ActivityKind.Server))
            {
                using var child = source.StartActivity("child", ActivityKind.Client);
                child?.SetTag("rpc.system", "grpc");
            }

            tracing.ForceFlush();
        }

        var spans = await receiver.WaitForAsync(r => r.Spans.Count >= 2 ? r.Spans : null, TimeSpan.FromSeconds(10), "two spans");
        var parentSpan = Assert.Single(spans, s => s.Span.Name == "parent");
        var childSpan = Assert.Single(spans, s => s.Span.Name == "child");
        Assert.Equal("receiver-test-service", parentSpan.ServiceName);
        Assert.Equal(parentSpan.TraceId, childSpan.TraceId);
        Assert.Equal(parentSpan.SpanId, childSpan.ParentSpanId);
        Assert.Null(parentSpan.ParentSpanId);
        Assert.Equal(Span.Types.SpanKind.Client, childSpan.Span.Kind);
        Assert.Equal("grpc", childSpan.Attribute("rpc.system"));
        Assert.Contains("receiver-test-service | Server | parent", SpanTree.Render(spans), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistogramsFromTheOtlpExporterArriveWithTheirAttributes()
    {
        using var meter = new Meter("receiver-test-meter");
        var histogram = meter.CreateHistogram<double>("rpc.server.duration", unit: "ms");
        using (var metering = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("receiver-test-service"))
            .AddMeter(meter.Name)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(receiver.Endpoint + "/v1/metrics");
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
            })
            .Build())
        {
            histogram.Record(12.5, new KeyValuePair<string, object?>("rpc.method", "GetTraining"));
            histogram.Record(7.5, new KeyValuePair<string, object?>("rpc.method", "GetTraining"));
            metering.ForceFlush();
        }

        var metric = await receiver.WaitForAsync(
            r => r.Metrics.FirstOrDefault(m => m.Metric.Name == "rpc.server.duration"), TimeSpan.FromSeconds(10), "the histogram");
        var point = Assert.Single(metric.Metric.Histogram.DataPoints);
        Assert.Equal(2UL, point.Count);
        Assert.Equal(20.0, point.Sum);
        Assert.Equal("GetTraining", Assert.Single(point.Attributes, a => a.Key == "rpc.method").Value.StringValue);
        Assert.Equal("ms", metric.Metric.Unit);
    }
}
