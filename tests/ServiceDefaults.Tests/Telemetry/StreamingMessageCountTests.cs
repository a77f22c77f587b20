using CapacityHub.Rpc;
using CapacityHub.Rpc.Telemetry;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.TestSupport;
using Google.Protobuf;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// A service on the shared defaults, over real HTTP/2, counts the messages of its streaming calls:
/// rpc.server.requests_per_rpc and responses_per_rpc once per call, rpc.server.request.size and
/// response.size once per message (uncompressed bytes), using health Watch (server streaming) and
/// reflection (bidirectional) as every service serves them.
/// </summary>
public sealed class StreamingMessageCountTests : IAsyncLifetime
{
    private readonly TelemetryRecorder recorder = new(RpcTelemetry.Name);
    private ServiceTestHost? host;

    public async Task InitializeAsync() =>
        host = await ServiceTestHost.StartAsync("message-counts", b => b.AddServiceDefaults("message-counts", []), a => a.MapServiceDefaults(), environment: "Testing");

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        recorder.Dispose();
    }

    [Fact]
    public async Task AServerStreamingCallCountsOneRequestAndEveryResponse()
    {
        var health = host!.Services.GetRequiredService<IHealthStatusRegistry>();
        health.SetStatus("watched", HealthCheckResponse.Types.ServingStatus.NotServing);
        using var stop = new CancellationTokenSource();
        var request = new HealthCheckRequest { Service = "watched" };
        using var call = new Health.HealthClient(host!.Channel).Watch(request, new CallOptions(CancellationToken: stop.Token));

        Assert.True(await call.ResponseStream.MoveNext());
        var first = call.ResponseStream.Current;
        health.SetStatus("watched", HealthCheckResponse.Types.ServingStatus.Serving);
        Assert.True(await call.ResponseStream.MoveNext());
        var second = call.ResponseStream.Current;
        await stop.CancelAsync();
        Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext())).StatusCode);

        // Disposing resets the HTTP/2 stream, which is what ends Watch on the server.
        call.Dispose();

        var responses = Assert.Single(await recorder.WaitForAsync(r => PerCall(r, "rpc.server.responses_per_rpc", "Watch"), 1, "Watch's responses_per_rpc"));
        Assert.Equal(2, responses.Value);
        Assert.Equal("{count}", responses.Unit);
        Assert.Equal("grpc.health.v1.Health", responses["rpc.service"]);
        Assert.Equal("grpc", responses["rpc.system"]);
        Assert.NotNull(responses["rpc.grpc.status_code"]);
        Assert.Equal(1, Assert.Single(PerCall(recorder, "rpc.server.requests_per_rpc", "Watch")).Value);
        Assert.Equal([request.CalculateSize()], Sizes("rpc.server.request.size", "Watch"));
        Assert.Equal([first.CalculateSize(), second.CalculateSize()], Sizes("rpc.server.response.size", "Watch"));
    }

    [Fact]
    public async Task ABidirectionalCallCountsEveryMessageEachWay()
    {
        using var call = new ServerReflection.ServerReflectionClient(host!.Channel).ServerReflectionInfo();
        var sent = new List<IMessage>();
        var received = new List<IMessage>();
        foreach (var symbol in new[] { "", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection" })
        {
            var request = symbol.Length == 0
                ? new ServerReflectionRequest { ListServices = "*" }
                : new ServerReflectionRequest { FileContainingSymbol = symbol };
            await call.RequestStream.WriteAsync(request);
            sent.Add(request);
            Assert.True(await call.ResponseStream.MoveNext());
            received.Add(call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());

        const string method = "ServerReflectionInfo";
        var requests = Assert.Single(await recorder.WaitForAsync(r => PerCall(r, "rpc.server.requests_per_rpc", method), 1, "requests_per_rpc"));
        Assert.Equal(3, requests.Value);
        Assert.Equal(0, requests["rpc.grpc.status_code"]);
        Assert.Equal(3, Assert.Single(PerCall(recorder, "rpc.server.responses_per_rpc", method)).Value);
        Assert.Equal(sent.Select(m => m.CalculateSize()), Sizes("rpc.server.request.size", method));
        Assert.Equal(received.Select(m => m.CalculateSize()), Sizes("rpc.server.response.size", method));
        Assert.All(recorder.Measurements("rpc.server.response.size"), m => Assert.Equal("By", m.Unit));
    }

    [Fact]
    public async Task UnaryCallsAreNotCounted()
    {
        await new Health.HealthClient(host!.Channel).CheckAsync(new HealthCheckRequest { Service = "liveness" });

        await recorder.WaitForAsync(r => PerCall(r, "rpc.server.duration", "Check"), 1, "Check's duration");
        Assert.Empty(PerCall(recorder, "rpc.server.requests_per_rpc", "Check"));
        Assert.Empty(PerCall(recorder, "rpc.server.responses_per_rpc", "Check"));
        Assert.Empty(PerCall(recorder, "rpc.server.request.size", "Check"));
    }

    private static IReadOnlyList<Measurement> PerCall(TelemetryRecorder recorder, string instrument, string method) =>
        recorder.Measurements(instrument).Where(m => m["rpc.method"] as string == method).ToList();

    private IEnumerable<int> Sizes(string instrument, string method) => PerCall(recorder, instrument, method).Select(m => (int)m.Value);
}
