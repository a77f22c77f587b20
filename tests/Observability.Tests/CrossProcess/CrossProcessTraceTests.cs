using System.Security.Cryptography;
using CapacityHub.Observability.Tests.Otlp;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using Xunit.Abstractions;
using Kind = CapacityHub.Observability.Tests.Otlp.Span.Types.SpanKind;

namespace CapacityHub.Observability.Tests.CrossProcess;

/// <summary>
/// The real system, four processes exporting over OTLP: one ScheduleTraining through the gateway's public
/// gRPC face (which Trainings checks with Programmes) is one trace holding every hop with its parent links,
/// and the RPC and store duration metrics arrive with their attributes.
/// </summary>
public sealed class CrossProcessTraceTests(ObservedSystem system, ITestOutputHelper output) : IClassFixture<ObservedSystem>
{
    private const string Gateway = "capacityhub-gateway";
    private const string Trainings = "capacityhub-trainings";
    private const string Programmes = "capacityhub-programmes";
    private const string ScheduleTraining = "capacityhub.trainings.v1.TrainingService/ScheduleTraining";
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AScheduleThroughTheGatewayIsOneTraceAcrossTheProcesses()
    {
        var planning = new DemoPlanning(system.Gateway!, await system.TokenAsync("admin"));
        var training = await planning.DraftTrainingAsync();
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var callerSpanId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var traceparent = new Metadata { { "traceparent", $"00-{traceId}-{callerSpanId}-01" } };

        var scheduled = await new TrainingService.TrainingServiceClient(system.Gateway!)
            .ScheduleTrainingAsync(DemoPlanning.Schedule(training), planning.Options(traceparent));

        Assert.Equal(training, scheduled.Name);
        var trace = await system.Receiver.WaitForAsync(r => Complete(new ReceivedTrace(r.Spans.Where(s => s.TraceId == traceId).ToList())), ExportWait, "the whole trace");
        output.WriteLine(trace.Render());

        var gatewayServer = trace.Find(Gateway, Kind.Server, s => s.ParentSpanId == callerSpanId)!;
        Assert.Equal("POST /" + ScheduleTraining, gatewayServer.Span.Name);
        Assert.Equal("/" + ScheduleTraining, gatewayServer.Attribute("http.route"));
        Assert.Equal("200", gatewayServer.Attribute("http.response.status_code"));
        var gatewayClient = trace.Find(Gateway, Kind.Client, s => s.ParentSpanId == gatewayServer.SpanId)!;
        Assert.Equal(system.System["trainings"].GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture), gatewayClient.Attribute("server.port"));

        var trainingsServer = trace.Find(Trainings, Kind.Server, s => s.Span.Name == ScheduleTraining)!;
        Assert.Equal(gatewayClient.SpanId, trainingsServer.ParentSpanId);
        AssertRpc(trainingsServer, "capacityhub.trainings.v1.TrainingService", "ScheduleTraining");

        var programmesClient = trace.Find(Trainings, Kind.Client, s => s.Span.Name.StartsWith("capacityhub.programmes.v1.ProgrammeService/", StringComparison.Ordinal))!;
        Assert.True(trace.Descends(programmesClient, trainingsServer), "Trainings calls Programmes while it serves the call");
        // The gRPC client instrumentation's hooks run before the status arrives in trailers, so client spans
        // have no rpc.grpc.status_code yet (a known gap, noted in the README); server spans do.
        AssertRpc(programmesClient, "capacityhub.programmes.v1.ProgrammeService", programmesClient.Span.Name.Split('/')[1], withStatus: false);
        // server.port of the client span is not asserted: a round-robin channel picks the pod's address per call,
        // after the instrumentation has described the span from the channel's target.

        var programmesServer = trace.Find(Programmes, Kind.Server, s => s.Span.Name == programmesClient.Span.Name)!;
        Assert.True(trace.Descends(programmesServer, programmesClient), "the Programmes span hangs under Trainings' client span");
        AssertRpc(programmesServer, "capacityhub.programmes.v1.ProgrammeService", programmesClient.Span.Name.Split('/')[1]);

        var trainingsStore = trace.Where(Trainings, Kind.Client, IsStore).ToList();
        Assert.NotEmpty(trainingsStore);
        Assert.All(trainingsStore, s =>
        {
            Assert.True(trace.Descends(s, trainingsServer), $"{s.Span.Name} is under the Trainings server span");
            Assert.Equal($"{s.Attribute("db.operation.name")} {s.Attribute("db.collection.name")}".TrimEnd(), s.Span.Name);
        });
        Assert.Contains(trace.Where(Programmes, Kind.Client, IsStore), s => trace.Descends(s, programmesServer) && s.Attribute("db.collection.name") is not null);
        Assert.True(trace.Services.Count() >= 3, "at least three processes: " + string.Join(", ", trace.Services));
        // OTEL_RESOURCE_ATTRIBUTES reaches every process's resource.
        Assert.All(trace.Spans, s => Assert.Equal("otlp-test", s.ResourceAttribute("deployment.environment.name")));
    }

    [Fact]
    public async Task RpcAndStoreDurationsArriveWithTheirAttributes()
    {
        var planning = new DemoPlanning(system.Gateway!, await system.TokenAsync("admin"));
        var training = await planning.DraftTrainingAsync();
        await new TrainingService.TrainingServiceClient(system.Gateway!).ScheduleTrainingAsync(DemoPlanning.Schedule(training), planning.Options());

        var rpc = await system.Receiver.WaitForAsync(
            r => r.Metrics.FirstOrDefault(m => m.ServiceName == Trainings && m.Metric.Name == "rpc.server.duration"
                && m.Metric.Histogram.DataPoints.Any(p => Attribute(p.Attributes, "rpc.method") == "ScheduleTraining")),
            ExportWait,
            "Trainings' rpc.server.duration for ScheduleTraining");
        Assert.Equal("ms", rpc.Metric.Unit);
        var point = rpc.Metric.Histogram.DataPoints.First(p => Attribute(p.Attributes, "rpc.method") == "ScheduleTraining");
        Assert.Equal("grpc", Attribute(point.Attributes, "rpc.system"));
        Assert.Equal("capacityhub.trainings.v1.TrainingService", Attribute(point.Attributes, "rpc.service"));
        Assert.Equal("0", Attribute(point.Attributes, "rpc.grpc.status_code"));
        Assert.True(point.Count >= 1);

        var store = await system.Receiver.WaitForAsync(
            r => r.Metrics.FirstOrDefault(m => m.ServiceName == Trainings && m.Metric.Name == "db.client.operation.duration"),
            ExportWait,
            "Trainings' db.client.operation.duration");
        Assert.Equal("s", store.Metric.Unit);
        Assert.All(store.Metric.Histogram.DataPoints, p =>
        {
            Assert.Equal("sqlite", Attribute(p.Attributes, "db.system.name"));
            Assert.NotNull(Attribute(p.Attributes, "db.operation.name"));
        });
    }

    private static ReceivedTrace? Complete(ReceivedTrace trace)
    {
        var trainingsServer = trace.Find(Trainings, Kind.Server, s => s.Span.Name == ScheduleTraining);
        var programmesClient = trace.Find(Trainings, Kind.Client, s => s.Span.Name.StartsWith("capacityhub.programmes.v1.", StringComparison.Ordinal));
        var complete = trainingsServer is not null
            && programmesClient is not null
            && trace.Find(Gateway, Kind.Server, _ => true) is not null
            && trace.Find(Gateway, Kind.Client, _ => true) is not null
            && trace.Find(Programmes, Kind.Server, s => s.Span.Name == programmesClient.Span.Name) is not null
            && trace.Find(Trainings, Kind.Client, IsStore) is not null
            && trace.Find(Programmes, Kind.Client, IsStore) is not null;
        return complete ? trace : null;
    }

    private static bool IsStore(ReceivedSpan span) => span.Attribute("db.system.name") == "sqlite";

    private static void AssertRpc(ReceivedSpan span, string service, string method, bool withStatus = true)
    {
        Assert.Equal("grpc", span.Attribute("rpc.system"));
        Assert.Equal(service, span.Attribute("rpc.service"));
        Assert.Equal(method, span.Attribute("rpc.method"));
        if (withStatus)
        {
            Assert.Equal("0", span.Attribute("rpc.grpc.status_code"));
        }
    }

    private static string? Attribute(IEnumerable<KeyValue> attributes, string key) => attributes.FirstOrDefault(a => a.Key == key)?.Value.Render();
}
