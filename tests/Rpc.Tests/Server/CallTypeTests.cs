using CapacityHub.Rpc.Tests.Generated;
using CapacityHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using static CapacityHub.Rpc.Tests.Infrastructure.RawGrpcClient;

namespace CapacityHub.Rpc.Tests.Server;

[Collection(RpcServerCollection.Name)]
public sealed class CallTypeTests(RpcTestServer server) : IDisposable
{
    private readonly RawGrpcClient _client = server.CreateClient();

    [Fact]
    public async Task UnaryCallAnswersWithOneMessageAndOkInTrailers()
    {
        var payload = ByteString.CopyFromUtf8("bytes ∑");
        var response = await _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "hello", Payload = payload }));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal(2, response.Version.Major);
        Assert.Equal("application/grpc", response.Headers["content-type"]);
        var reply = response.Single(EchoReply.Parser);
        Assert.Equal("hello", reply.Text);
        Assert.Equal(payload, reply.Payload);
        Assert.Equal("0", response.Trailers["grpc-status"]);
    }

    [Fact]
    public async Task ContentTypeWithProtoSuffixIsAccepted()
    {
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "suffix" }), "application/grpc+proto");
        var response = await _client.SendAsync(request);

        Assert.Equal(StatusCode.Ok, response.Status);
        Assert.Equal("suffix", response.Single(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task ServerStreamingSendsEveryMessageThenOk()
    {
        var response = await _client.CallAsync(Paths.Expand, Frame(new EchoRequest { Text = "tick", Repeat = 5 }));

        Assert.Equal(5, response.Frames.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(i, response.Parse(EchoReply.Parser, i).Index);
        }

        Assert.Equal(StatusCode.Ok, response.Status);
    }

    [Fact]
    public async Task ServerStreamingWithNoMessagesStillEndsWithOk()
    {
        var response = await _client.CallAsync(Paths.Expand, Frame(new EchoRequest { Text = "none", Repeat = 0 }));

        Assert.Empty(response.Frames);
        Assert.Equal(StatusCode.Ok, response.Status);
    }

    [Fact]
    public async Task ClientStreamingReadsEveryMessageUntilHalfClose()
    {
        var frames = new[] { "a", "b", "c", "d" }.Select(t => Frame(new EchoRequest { Text = t })).ToArray();
        var response = await _client.CallAsync(Paths.Collect, frames);

        var reply = response.Single(EchoReply.Parser);
        Assert.Equal("abcd", reply.Text);
        Assert.Equal(4, reply.Index);
        Assert.Equal(StatusCode.Ok, response.Status);
    }

    [Fact]
    public async Task ClientStreamingWithNoMessagesGetsAnEmptyCollection()
    {
        var response = await _client.CallAsync(Paths.Collect);

        Assert.Equal(0, response.Single(EchoReply.Parser).Index);
        Assert.Equal(StatusCode.Ok, response.Status);
    }

    [Fact]
    public async Task DuplexCallAnswersEachMessageBeforeTheNextIsSent()
    {
        using var call = await _client.StartStreamingAsync(Paths.Chat);
        foreach (var word in new[] { "one", "two", "three" })
        {
            await call.SendAsync(new EchoRequest { Text = word });
            var reply = await call.ReadAsync(EchoReply.Parser);
            Assert.Equal(word.ToUpperInvariant(), reply!.Text);
        }

        call.CompleteRequest();
        Assert.Null(await call.ReadAsync(EchoReply.Parser));
        Assert.Equal("0", (await call.TrailersAsync())["grpc-status"]);
    }

    [Fact]
    public async Task ManyConcurrentCallsOnOneConnectionAllSucceed()
    {
        var calls = Enumerable.Range(0, 50)
            .Select(i => _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "n" + i })))
            .ToArray();
        var responses = await Task.WhenAll(calls);

        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal("n" + i, responses[i].Single(EchoReply.Parser).Text);
        }
    }

    [Fact]
    public async Task HandlerSeesPeerAndNoDeadlineWhenNoneIsSent()
    {
        await _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "peer" }));

        Assert.StartsWith("ipv4:127.0.0.1:", server.Observer.LastPeer, StringComparison.Ordinal);
        Assert.Equal(DateTime.MaxValue, server.Observer.LastDeadline);
    }

    public void Dispose() => _client.Dispose();
}
