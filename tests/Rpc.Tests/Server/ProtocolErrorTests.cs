using System.Net;
using CapacityHub.Rpc.Tests.Generated;
using CapacityHub.Rpc.Tests.Infrastructure;
using static CapacityHub.Rpc.Tests.Infrastructure.RawGrpcClient;

namespace CapacityHub.Rpc.Tests.Server;

[Collection(RpcServerCollection.Name)]
public sealed class ProtocolErrorTests(RpcTestServer server) : IDisposable
{
    private readonly RawGrpcClient _client = server.CreateClient();

    [Fact]
    public async Task WrongContentTypeIsRefusedWith415()
    {
        var response = await _client.SendAsync(Request(Paths.Echo, Frame(new EchoRequest()), "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        await AssertServerStillServes();
    }

    [Fact]
    public async Task Http1RequestIsRefusedWith426()
    {
        using var http1 = new HttpClient { BaseAddress = server.Http1Address };
        var request = Request(Paths.Echo, Frame(new EchoRequest()));
        request.Version = HttpVersion.Version11;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        using var response = await http1.SendAsync(request);

        Assert.Equal((HttpStatusCode)426, response.StatusCode);
        Assert.Contains("h2c", response.Headers.Upgrade.Select(u => u.Name));
    }

    [Fact]
    public async Task UnknownMethodOfKnownServiceIsUnimplementedTrailersOnly()
    {
        var response = await _client.CallAsync("/capacityhub.rpctest.v1.EchoService/Nope", Frame(new EchoRequest()));

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.Contains("Nope", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownServiceIsUnimplementedTrailersOnly()
    {
        var response = await _client.CallAsync("/no.such.Service/Method", Frame(new EchoRequest()));

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.Contains("no.such.Service", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MethodInProtoButNotOverriddenIsUnimplemented()
    {
        var response = await _client.CallAsync(Paths.NotImplementedHere, Frame(new EchoRequest()));

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, response.Status);
    }

    [Fact]
    public async Task TruncatedMessageIsInternal()
    {
        var frame = Frame(new EchoRequest { Text = "truncated" });
        var response = await _client.CallAsync(Paths.Echo, frame[..^3]);

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("Incomplete message", response.Message, StringComparison.Ordinal);
        await AssertServerStillServes();
    }

    [Fact]
    public async Task TruncatedFrameHeaderIsInternal()
    {
        var response = await _client.CallAsync(Paths.Echo, [0, 0, 0]);

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task MissingRequestMessageIsInternal()
    {
        var response = await _client.CallAsync(Paths.Echo);

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("did not include a message", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoMessagesForAUnaryMethodIsInternal()
    {
        var response = await _client.CallAsync(Paths.Echo, Frame(new EchoRequest()), Frame(new EchoRequest()));

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task InvalidCompressedFlagIsInternal()
    {
        var frame = Frame(new EchoRequest { Text = "x" });
        frame[0] = 7;
        var response = await _client.CallAsync(Paths.Echo, frame);

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task InvalidProtobufIsInternal()
    {
        // Field 1 (string) claiming 100 bytes with only 2 present.
        var response = await _client.CallAsync(Paths.Echo, Frame([0x0A, 100, 0x41, 0x42], compressed: false));

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("deserialize", response.Message, StringComparison.Ordinal);
        await AssertServerStillServes();
    }

    [Fact]
    public async Task OversizedMessageIsResourceExhausted()
    {
        var big = new EchoRequest { Payload = CallObserver.Bytes(RpcTestServer.MaxReceiveMessageSize + 10) };
        var response = await _client.CallAsync(Paths.Echo, Frame(big));

        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        Assert.Contains("larger than max", response.Message, StringComparison.Ordinal);
        await AssertServerStillServes();
    }

    [Fact]
    public async Task OversizedStreamedMessageIsResourceExhausted()
    {
        var big = new EchoRequest { Payload = CallObserver.Bytes(RpcTestServer.MaxReceiveMessageSize + 10) };
        var response = await _client.CallAsync(Paths.Collect, Frame(new EchoRequest { Text = "ok" }), Frame(big));

        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
    }

    [Fact]
    public async Task MessageJustUnderTheLimitIsAccepted()
    {
        var request = new EchoRequest { Payload = CallObserver.Bytes(RpcTestServer.MaxReceiveMessageSize - 10) };
        var response = await _client.CallAsync(Paths.Echo, Frame(request));

        Assert.Equal(StatusCode.Ok, response.Status);
        Assert.Equal(request.Payload, response.Single(EchoReply.Parser).Payload);
    }

    [Fact]
    public async Task HandlerExceptionIsUnknownWithoutInternalDetails()
    {
        var response = await _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "crash" }));

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Unknown, response.Status);
        Assert.DoesNotContain("hunter2", response.RawMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.RawMessage, StringComparison.Ordinal);
        await AssertServerStillServes();
    }

    private async Task AssertServerStillServes()
    {
        var response = await _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "still here" }));
        Assert.Equal("still here", response.Single(EchoReply.Parser).Text);
    }

    public void Dispose() => _client.Dispose();
}
