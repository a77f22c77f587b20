using System.Diagnostics;
using CapacityHub.Rpc.Tests.Generated;
using CapacityHub.Rpc.Tests.Infrastructure;
using static CapacityHub.Rpc.Tests.Infrastructure.RawGrpcClient;

namespace CapacityHub.Rpc.Tests.Server;

[Collection(RpcServerCollection.Name)]
public sealed class DeadlineAndCancellationTests(RpcTestServer server) : IDisposable
{
    private readonly RawGrpcClient _client = server.CreateClient();

    [Fact]
    public async Task GrpcTimeoutBecomesTheHandlersDeadline()
    {
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "deadline" }));
        request.Headers.Add("grpc-timeout", "30S");
        var before = DateTime.UtcNow;
        var response = await _client.SendAsync(request);

        Assert.Equal(StatusCode.Ok, response.Status);
        var deadline = server.Observer.LastDeadline;
        Assert.InRange(deadline, before.AddSeconds(29), DateTime.UtcNow.AddSeconds(31));
    }

    [Fact]
    public async Task ExpiredDeadlineAnswersDeadlineExceededPromptly()
    {
        var cancelled = server.Observer.NextCancellation();
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "slow", DelayMs = 10_000 }));
        request.Headers.Add("grpc-timeout", "200m");
        var clock = Stopwatch.StartNew();
        var response = await _client.SendAsync(request);

        Assert.Equal(StatusCode.DeadlineExceeded, response.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        await cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DeadlineDuringServerStreamEndsTheStreamWithDeadlineExceeded()
    {
        var request = Request(Paths.Expand, Frame(new EchoRequest { Text = "s", Repeat = 100, DelayMs = 50 }));
        request.Headers.Add("grpc-timeout", "300m");
        var response = await _client.SendAsync(request);

        Assert.Equal(StatusCode.DeadlineExceeded, response.Status);
        // Under load the first message may not make it before the deadline; it must never be all of them.
        Assert.InRange(response.Frames.Count, 0, 99);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("5X")]
    public async Task MalformedGrpcTimeoutIsRejected(string timeout)
    {
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "t" }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        var response = await _client.SendAsync(request);

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("grpc-timeout", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientResetCancelsTheHandler()
    {
        var cancelled = server.Observer.NextCancellation();
        using var abort = new CancellationTokenSource();
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "slow", DelayMs = 30_000 }));
        var started = server.Observer.NextCall();
        var call = _client.SendAsync(request, abort.Token);
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var context = await cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(context.CancellationToken.IsCancellationRequested);

        var after = await _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "after reset" }));
        Assert.Equal("after reset", after.Single(EchoReply.Parser).Text);
    }

    public void Dispose() => _client.Dispose();
}
