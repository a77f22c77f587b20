using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CapacityHub.Rpc.Telemetry;
using CapacityHub.Rpc.Tests.Generated;
using CapacityHub.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapacityHub.Rpc.Tests.Telemetry;

/// <summary>
/// A call through RpcChannel to a CapacityHub.Rpc server makes one trace: the client span
/// ("package.Service/Method", kind client) and, under it, the server span of the same name,
/// both with the RPC semantic-convention attributes, and one duration measurement on each side.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class RpcTracingTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ConcurrentQueue<(string Instrument, KeyValuePair<string, object?>[] Tags)> measurements = new();
    private readonly ActivityListener listener;
    private readonly MeterListener meters = new();
    private WebApplication? app;
    private RpcChannel? channel;

    public RpcTracingTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RpcTelemetry.Name or "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RpcTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => measurements.Enqueue((instrument.Name, tags.ToArray())));
    }

    public async Task InitializeAsync()
    {
        ActivitySource.AddActivityListener(listener);
        meters.Start();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(new CallObserver());
        builder.Services.AddRpc(options => options.Interceptors.Add<ServerTelemetryInterceptor>());
        app = builder.Build();
        app.MapRpcService<EchoServiceImpl>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        channel = RpcChannel.ForAddress(address);
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        listener.Dispose();
        meters.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ClientAndServerSpansFormOneTraceWithRpcAttributes()
    {
        var client = new EchoService.EchoServiceClient(channel!);

        var reply = await client.EchoAsync(new EchoRequest { Text = "hello" });

        Assert.Equal("hello", reply.Text);
        var clientSpan = await SpanAsync(ActivityKind.Client, RpcTelemetry.Name);
        var serverSpan = await SpanAsync(ActivityKind.Server, "Microsoft.AspNetCore");
        Assert.Equal($"{EchoService.ServiceName}/Echo", clientSpan.DisplayName);
        Assert.Equal(clientSpan.DisplayName, serverSpan.DisplayName);
        Assert.Equal(clientSpan.TraceId, serverSpan.TraceId);
        Assert.True(IsAncestor(clientSpan, serverSpan), "the server span descends from the client span");
        foreach (var span in new[] { clientSpan, serverSpan })
        {
            Assert.Equal("grpc", span.GetTagItem("rpc.system"));
            Assert.Equal(EchoService.ServiceName, span.GetTagItem("rpc.service"));
            Assert.Equal("Echo", span.GetTagItem("rpc.method"));
            Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
        }

        Assert.Contains(measurements, m => m.Instrument == "rpc.client.duration" && HasTag(m.Tags, "rpc.method", "Echo"));
        Assert.Contains(measurements, m => m.Instrument == "rpc.server.duration" && HasTag(m.Tags, "rpc.grpc.status_code", 0));
    }

    [Fact]
    public async Task FailedCallsCarryTheirStatusOnBothSides()
    {
        var client = new EchoService.EchoServiceClient(channel!);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Text = "not-found" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var clientSpan = await SpanAsync(ActivityKind.Client, RpcTelemetry.Name);
        var serverSpan = await SpanAsync(ActivityKind.Server, "Microsoft.AspNetCore");
        Assert.Equal((int)StatusCode.NotFound, clientSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal((int)StatusCode.NotFound, serverSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, clientSpan.Status);
        // NOT_FOUND is the caller's problem, not a server failure (RPC semantic conventions).
        Assert.NotEqual(ActivityStatusCode.Error, serverSpan.Status);
        Assert.Contains(measurements, m => m.Instrument == "rpc.server.duration" && HasTag(m.Tags, "rpc.grpc.status_code", (int)StatusCode.NotFound));
    }

    private async Task<Activity> SpanAsync(ActivityKind kind, string source)
    {
        for (var i = 0; i < 50; i++)
        {
            if (stopped.FirstOrDefault(a => a.Kind == kind && a.Source.Name == source) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"no {kind} span from {source}; saw: {string.Join(", ", stopped.Select(a => $"{a.Source.Name}:{a.Kind}:{a.DisplayName}"))}");
    }

    private bool IsAncestor(Activity ancestor, Activity span)
    {
        var byId = stopped.ToDictionary(a => a.SpanId);
        for (var parent = span.ParentSpanId; parent != default; parent = byId.TryGetValue(parent, out var p) ? p.ParentSpanId : default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTag(KeyValuePair<string, object?>[] tags, string key, object value) =>
        tags.Any(t => t.Key == key && Equals(t.Value, value));
}

/// <summary>Activity listeners are process-wide: these tests must not run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "rpc-tracing";
}
