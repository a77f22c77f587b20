using CapacityHub.Rpc.Tests.Client.Support;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Rpc.Tests.Client;

[Collection(EchoServerCollection.Name)]
public sealed class CompressionAndLimitTests(EchoServerFixture server)
{
    private const int FourMiB = 4 * 1024 * 1024;

    [Fact]
    public async Task GzipRequestsAreFlaggedAndUnderstoodByTheServer()
    {
        var handler = new RecordingHandler();
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { RequestCompression = "gzip", HttpHandler = handler });
        var payload = ByteString.CopyFrom(new byte[1024 * 1024]);

        var measured = await channel.UnaryAsync(Echo.Measure, new BytesValue { Value = payload }, default);

        Assert.Equal((uint)payload.Length, measured.Value);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("gzip", request.Headers.GetValues("grpc-encoding").Single());
        var body = Assert.Single(handler.RequestBodies);
        Assert.Equal(1, body[0]);
        Assert.True(body.Length < 64 * 1024, $"a megabyte of zeros was sent as {body.Length} bytes");
    }

    [Fact]
    public async Task GzipResponsesAreDecompressed()
    {
        var handler = new RecordingHandler();
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { HttpHandler = handler });
        var text = string.Concat(Enumerable.Repeat("capacity building in the Pacific; ", 5000));

        using var call = channel.ServerStreaming(Echo.SayWithMetadata, Echo.Text(text), Echo.With(("x-compress-response", "gzip")));
        Assert.True(await call.ResponseStream.MoveNext());

        Assert.Equal(text, call.ResponseStream.Current.Value);
        Assert.Equal("identity,gzip", Assert.Single(handler.Requests).Headers.GetValues("grpc-accept-encoding").Single());
        Assert.Equal("gzip", Assert.Single(handler.Responses).Headers.GetValues("grpc-encoding").Single());
    }

    [Fact]
    public async Task ResponsesOverFourMebibytesAreRefusedByDefault()
    {
        using var channel = RpcChannel.ForAddress(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Blob, new UInt32Value { Value = FourMiB + 1 }, default));
        var largestAllowed = await channel.UnaryAsync(Echo.Blob, new UInt32Value { Value = FourMiB - 16 }, default);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(FourMiB - 16, largestAllowed.Value.Length);
    }

    [Fact]
    public async Task ReceiveLimitIsConfigurable()
    {
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { MaxReceiveMessageSize = 1000 });

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Blob, new UInt32Value { Value = 2000 }, default));
        var small = await channel.UnaryAsync(Echo.Blob, new UInt32Value { Value = 500 }, default);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(500, small.Value.Length);
    }

    [Fact]
    public async Task ReceiveLimitAppliesToStreamsAndEndsThem()
    {
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { MaxReceiveMessageSize = 10 });
        using var call = channel.ServerStreaming(Echo.Repeat, Echo.Text("a-long-prefix"), Echo.With(("x-count", "3")));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task SendLimitFailsLocallyBeforeSending()
    {
        var handler = new RecordingHandler();
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { MaxSendMessageSize = 100, HttpHandler = handler });

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Measure, new BytesValue { Value = ByteString.CopyFrom(new byte[200]) }, default));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, handler.Attempts);
    }
}
