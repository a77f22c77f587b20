using System.Diagnostics;
using CapacityHub.Rpc.Tests.Client.Support;

namespace CapacityHub.Rpc.Tests.Client;

public sealed class RetryTests
{
    [Fact]
    public async Task ConnectionRefusedIsUnavailable()
    {
        var address = $"http://127.0.0.1:{PythonEchoServer.FreePort()}";
        using var channel = RpcChannel.ForAddress(address, new RpcChannelOptions { Retry = RetryPolicy.None });

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Say, Echo.Text("x"), default));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("connect", error.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnaryCallsRetryRefusedConnectionsWithGrowingBackoff()
    {
        var handler = new RecordingHandler();
        var policy = new RetryPolicy(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), BackoffMultiplier: 2, Jitter: 0.2);
        using var channel = RpcChannel.ForAddress(
            $"http://127.0.0.1:{PythonEchoServer.FreePort()}", new RpcChannelOptions { HttpHandler = handler, Retry = policy });

        var timer = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Say, Echo.Text("x"), default));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(3, handler.Attempts);
        // Waits of about 100 ms and 200 ms, each at most 20 % shorter.
        Assert.True(timer.Elapsed >= TimeSpan.FromMilliseconds(240), $"took {timer.Elapsed}");
    }

    [Fact]
    public async Task StreamingCallsAreNeverRetried()
    {
        var handler = new RecordingHandler();
        using var channel = RpcChannel.ForAddress(
            $"http://127.0.0.1:{PythonEchoServer.FreePort()}", new RpcChannelOptions { HttpHandler = handler });
        using var call = channel.ServerStreaming(Echo.Repeat, Echo.Text("x"), default);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task RetriesStopAtTheDeadline()
    {
        var handler = new RecordingHandler();
        var policy = new RetryPolicy(50, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        using var channel = RpcChannel.ForAddress(
            $"http://127.0.0.1:{PythonEchoServer.FreePort()}", new RpcChannelOptions { HttpHandler = handler, Retry = policy });

        var timer = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Say, Echo.Text("x"), new CallOptions().WithTimeout(TimeSpan.FromMilliseconds(500))));

        Assert.Contains(error.StatusCode, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded });
        Assert.InRange(handler.Attempts, 2, 8);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(2), $"took {timer.Elapsed}");
    }

    [Fact]
    public async Task UnaryCallSucceedsAgainstAServerThatComesUpLate()
    {
        var port = PythonEchoServer.FreePort();
        var handler = new RecordingHandler();
        var policy = new RetryPolicy(12, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(800));
        using var channel = RpcChannel.ForAddress($"http://127.0.0.1:{port}", new RpcChannelOptions { HttpHandler = handler, Retry = policy });
        await using var server = await PythonEchoServer.LaunchOnPortAsync(port, "--start-delay-ms", "700");

        var reply = await channel.UnaryAsync(Echo.Say, Echo.Text("finally"), new CallOptions().WithTimeout(TimeSpan.FromSeconds(20)));

        Assert.Equal("finally", reply.Value);
        Assert.True(handler.Attempts > 1, "the first attempt should have been refused");
    }

    [Fact]
    public void BackoffGrowsExponentiallyUpToTheCapWithBoundedJitter()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), 2, 0.2);

        Assert.Equal(TimeSpan.FromMilliseconds(80), policy.BackoffAfter(1, 0.0));
        Assert.Equal(TimeSpan.FromMilliseconds(120), policy.BackoffAfter(1, 1.0));
        Assert.Equal(TimeSpan.FromMilliseconds(400), policy.BackoffAfter(3, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), policy.BackoffAfter(8, 0.5));
    }
}
