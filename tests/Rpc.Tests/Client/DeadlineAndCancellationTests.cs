using System.Diagnostics;
using CapacityHub.Rpc.Tests.Client.Support;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Rpc.Tests.Client;

[Collection(EchoServerCollection.Name)]
public sealed class DeadlineAndCancellationTests(EchoServerFixture server)
{
    private static readonly Duration TenSeconds = new() { Seconds = 10 };

    [Fact]
    public async Task DeadlineIsSentAsGrpcTimeout()
    {
        using var channel = RpcChannel.ForAddress(server.Address);

        var withDeadline = await channel.UnaryAsync(Echo.TimeRemaining, new Empty(), new CallOptions().WithTimeout(TimeSpan.FromSeconds(5)));
        var without = await channel.UnaryAsync(Echo.TimeRemaining, new Empty(), default);

        Assert.InRange(withDeadline.Value, 3.0, 5.0);
        Assert.Equal(-1.0, without.Value);
    }

    [Fact]
    public async Task ExpiredDeadlineEndsTheCallOnBothSides()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var callId = Guid.NewGuid().ToString();
        var options = Echo.With(("x-call-id", callId)).WithTimeout(TimeSpan.FromMilliseconds(300));

        var timer = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Sleep, TenSeconds, options));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(3), $"took {timer.Elapsed}");
        Assert.Equal("cancelled", await OutcomeAsync(channel, callId, "cancelled"));
    }

    [Fact]
    public async Task DeadlineInThePastFailsWithoutSendingAnything()
    {
        var handler = new RecordingHandler();
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { HttpHandler = handler });

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Say, Echo.Text("x"), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1))));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(0, handler.Attempts);
    }

    [Fact]
    public async Task DeadlineAlsoEndsStreamingCallsLocally()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        // 100 messages 100 ms apart would take 10 s; the 1 s deadline must end the stream long before that.
        var options = Echo.With(("x-count", "100"), ("x-delay-ms", "100")).WithTimeout(TimeSpan.FromSeconds(1));
        using var call = channel.ServerStreaming(Echo.Repeat, Echo.Text("m"), options);

        var read = 0;
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
                read++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        // No lower bound: on a loaded machine grpcio may not have sent its first message within the deadline.
        Assert.InRange(read, 0, 12);
    }

    [Fact]
    public async Task CancellationTokenCancelsTheCallAndResetsTheStream()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var callId = Guid.NewGuid().ToString();
        var options = Echo.With(("x-call-id", callId)).WithCancellationToken(cancellation.Token);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Sleep, TenSeconds, options));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        // The server only learns of it through RST_STREAM: no deadline was sent.
        Assert.Equal("cancelled", await OutcomeAsync(channel, callId, "cancelled"));
    }

    [Fact]
    public async Task CancellingAReadCancelsTheCall()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.DuplexStreaming(Echo.Chat, default);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(cancellation.Token));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    private static async Task<string> OutcomeAsync(RpcChannel channel, string callId, string expected)
    {
        // The server notices the end of the call on its own thread; give it a moment.
        var outcome = string.Empty;
        for (var i = 0; i < 100 && outcome != expected; i++)
        {
            outcome = (await channel.UnaryAsync(Echo.Outcome, Echo.Text(callId), default)).Value;
            if (outcome != expected)
            {
                await Task.Delay(50);
            }
        }

        return outcome;
    }
}
