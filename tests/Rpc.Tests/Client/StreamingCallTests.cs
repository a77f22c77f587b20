using CapacityHub.Rpc.Tests.Client.Support;

namespace CapacityHub.Rpc.Tests.Client;

[Collection(EchoServerCollection.Name)]
public sealed class StreamingCallTests(EchoServerFixture server)
{
    [Fact]
    public async Task ServerStreamingDeliversEveryMessageInOrder()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.ServerStreaming(Echo.Repeat, Echo.Text("session"), Echo.With(("x-count", "5")));

        var received = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            received.Add(message.Value);
        }

        Assert.Equal(["session-0", "session-1", "session-2", "session-3", "session-4"], received);
        Assert.Equal(StatusCode.Ok, call.GetStatus().StatusCode);
    }

    [Fact(Skip = "Flaky (about half of runs): the first message often arrives ~300 ms late, together with the second. " +
        "Whether grpcio or our response reader holds it back is not yet known; investigate before re-enabling.")]
    public async Task ServerStreamingMessagesArriveAsTheyAreSent()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.ServerStreaming(
            Echo.Repeat, Echo.Text("tick"), Echo.With(("x-count", "3"), ("x-delay-ms", "300")));

        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(await call.ResponseStream.MoveNext());
        var firstAfter = started.Elapsed;
        while (await call.ResponseStream.MoveNext())
        {
        }

        // The first message is read long before the last one is produced: nothing is buffered to the end.
        Assert.True(firstAfter < started.Elapsed - TimeSpan.FromMilliseconds(400), $"first after {firstAfter}, all after {started.Elapsed}");
    }

    [Fact]
    public async Task ServerStreamingFailureAfterSomeMessagesSurfacesTheStatus()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.ServerStreaming(Echo.Repeat, Echo.Text("m"), Echo.With(("x-count", "5"), ("x-fail-after", "2")));

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.True(await call.ResponseStream.MoveNext());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("stopped after 2", error.Detail);
        Assert.Equal(StatusCode.Aborted, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreamingSendsEveryMessageThenReadsTheResponse()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.ClientStreaming(Echo.Join, default);

        foreach (var value in new[] { "Fiji", "Samoa", "Tonga", "Vanuatu" })
        {
            await call.RequestStream.WriteAsync(Echo.Text(value));
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call;

        Assert.Equal("Fiji,Samoa,Tonga,Vanuatu", reply.Value);
        Assert.Equal(StatusCode.Ok, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreamingWithNoMessagesStillCompletes()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.ClientStreaming(Echo.Join, default);

        await call.RequestStream.CompleteAsync();

        Assert.Equal(string.Empty, (await call.ResponseAsync).Value);
    }

    [Fact(Skip = "Known client bug, intermittent: when the server answers trailers-only while the request is still " +
        "being sent, the call sometimes settles as INTERNAL (TaskCanceledException) instead of the server's UNIMPLEMENTED.")]
    public async Task ClientStreamingToAnUnknownMethodReportsTheServersStatus()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var missing = new Method<Google.Protobuf.WellKnownTypes.StringValue, Google.Protobuf.WellKnownTypes.StringValue>(
            MethodType.ClientStreaming, Echo.Service, "Missing",
            Google.Protobuf.WellKnownTypes.StringValue.Parser, Google.Protobuf.WellKnownTypes.StringValue.Parser);
        using var call = channel.ClientStreaming(missing, default);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            // Writes may fail already, with the server's status, once the server has answered.
            await call.RequestStream.WriteAsync(Echo.Text("a"));
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task DuplexCallsInterleaveRequestsAndResponses()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.DuplexStreaming(Echo.Chat, default);

        foreach (var value in new[] { "one", "two", "three" })
        {
            // Each answer is awaited before the next request is written: the body must really stream.
            await call.RequestStream.WriteAsync(Echo.Text(value));
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(value.ToUpperInvariant(), call.ResponseStream.Current.Value);
        }

        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Ok, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task WritingAfterCompletingIsAnError()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.DuplexStreaming(Echo.Chat, default);
        await call.RequestStream.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(Echo.Text("late")));
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task DisposingAStreamingCallCancelsIt()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var call = channel.ServerStreaming(Echo.Repeat, Echo.Text("m"), Echo.With(("x-count", "100"), ("x-delay-ms", "50")));
        Assert.True(await call.ResponseStream.MoveNext());

        call.Dispose();

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }
}
