using CapacityHub.Rpc.Tests.Generated;
using CapacityHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using static CapacityHub.Rpc.Tests.Infrastructure.RawGrpcClient;

namespace CapacityHub.Rpc.Tests.Server;

[Collection(RpcServerCollection.Name)]
public sealed class CompressionTests(RpcTestServer server) : IDisposable
{
    private readonly RawGrpcClient _client = server.CreateClient();

    [Fact]
    public async Task GzipRequestIsDecompressedAndTheReplyIsGzippedBack()
    {
        var message = new EchoRequest { Text = "squeeze", Payload = ByteString.CopyFrom(new byte[4000]) };
        var request = Request(Paths.Echo, Frame(Gzip(message.ToByteArray()), compressed: true));
        request.Headers.Add("grpc-encoding", "gzip");
        request.Headers.Add("grpc-accept-encoding", "identity,gzip");
        var response = await _client.SendAsync(request);

        Assert.Equal(StatusCode.Ok, response.Status);
        Assert.Equal("gzip", response.Headers["grpc-encoding"]);
        Assert.True(response.Frames[0].Compressed);
        Assert.True(response.Frames[0].Payload.Length < 1000);
        Assert.Equal("squeeze", response.Single(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task ReplyIsNotCompressedWhenTheCallerDoesNotAcceptGzip()
    {
        var message = new EchoRequest { Text = "plain back" };
        var request = Request(Paths.Echo, Frame(Gzip(message.ToByteArray()), compressed: true));
        request.Headers.Add("grpc-encoding", "gzip");
        request.Headers.Add("grpc-accept-encoding", "identity");
        var response = await _client.SendAsync(request);

        Assert.False(response.Frames[0].Compressed);
        Assert.Equal("plain back", response.Single(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task UncompressedFrameIsAcceptedEvenWithGzipEncoding()
    {
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "flag 0" }));
        request.Headers.Add("grpc-encoding", "gzip");
        var response = await _client.SendAsync(request);

        Assert.Equal("flag 0", response.Single(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task CompressedFlagWithoutEncodingIsInternal()
    {
        var message = new EchoRequest { Text = "mystery" };
        var response = await _client.CallAsync(Paths.Echo, Frame(Gzip(message.ToByteArray()), compressed: true));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("grpc-encoding", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedEncodingIsUnimplementedAndAdvertisesWhatIsSupported()
    {
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "zstd" }));
        request.Headers.Add("grpc-encoding", "zstd");
        var response = await _client.SendAsync(request);

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.Contains("gzip", response.Headers["grpc-accept-encoding"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerCanCompressSomeResponseMessagesAndNotOthers()
    {
        var request = Request(Paths.Expand, Frame(new EchoRequest { Text = "compress-first", Repeat = 2 }));
        request.Headers.Add("grpc-accept-encoding", "gzip");
        var response = await _client.SendAsync(request);

        Assert.Equal("gzip", response.Headers["grpc-encoding"]);
        Assert.Equal([true, false], response.Frames.Select(f => f.Compressed));
        Assert.Equal(1, response.Parse(EchoReply.Parser, 1).Index);
        Assert.Equal("compress-first", response.Parse(EchoReply.Parser, 0).Text);
    }

    [Fact]
    public async Task HandlerCompressionIsIgnoredWhenTheCallerDoesNotAcceptGzip()
    {
        var response = await _client.CallAsync(Paths.Expand, Frame(new EchoRequest { Text = "compress-first", Repeat = 2 }));

        Assert.False(response.Headers.ContainsKey("grpc-encoding"));
        Assert.Equal([false, false], response.Frames.Select(f => f.Compressed));
    }

    [Fact]
    public async Task CorruptGzipIsInternal()
    {
        var request = Request(Paths.Echo, Frame([1, 2, 3, 4, 5, 6], compressed: true));
        request.Headers.Add("grpc-encoding", "gzip");
        var response = await _client.SendAsync(request);

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task GzipBombBeyondTheLimitIsResourceExhausted()
    {
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[RpcTestServer.MaxReceiveMessageSize * 4]) };
        var request = Request(Paths.Echo, Frame(Gzip(message.ToByteArray()), compressed: true));
        request.Headers.Add("grpc-encoding", "gzip");
        var response = await _client.SendAsync(request);

        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
    }

    public void Dispose() => _client.Dispose();
}
