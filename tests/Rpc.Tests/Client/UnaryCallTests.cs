using CapacityHub.Rpc.Tests.Client.Support;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Rpc.Tests.Client;

[Collection(EchoServerCollection.Name)]
public sealed class UnaryCallTests(EchoServerFixture server)
{
    [Fact]
    public async Task UnaryCallReturnsTheServersResponse()
    {
        using var channel = RpcChannel.ForAddress(server.Address);

        var reply = await channel.UnaryAsync(Echo.Say, Echo.Text("Pacific Cyber Capacity Programme"), default);

        Assert.Equal("Pacific Cyber Capacity Programme", reply.Value);
    }

    [Fact]
    public async Task ManyConcurrentCallsShareTheChannel()
    {
        using var channel = RpcChannel.ForAddress(server.Address);

        var replies = await Task.WhenAll(
            Enumerable.Range(0, 200).Select(i => channel.UnaryAsync(Echo.Say, Echo.Text("call " + i), default)));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => "call " + i), replies.Select(r => r.Value));
    }

    [Fact]
    public async Task UnknownMethodIsUnimplemented()
    {
        using var channel = RpcChannel.ForAddress(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Missing, Echo.Text("x"), default));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task InterceptorsAddHeadersToEveryCall()
    {
        var options = new RpcChannelOptions();
        options.Interceptors.Add(new HeaderInterceptor("x-caller", "partner:pacific-cert"));
        options.Interceptors.Add(new HeaderInterceptor("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        using var channel = RpcChannel.ForAddress(server.Address, options);

        using var call = channel.ServerStreaming(Echo.SayWithMetadata, Echo.Text("hi"), default);
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal("partner:pacific-cert", headers.GetValue("echo-x-caller"));
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", headers.GetValue("echo-traceparent"));
    }

    [Fact]
    public async Task InterceptorCanRefuseACallBeforeItIsSent()
    {
        var handler = new RecordingHandler();
        var options = new RpcChannelOptions { HttpHandler = handler };
        options.Interceptors.Add(new RefusingInterceptor());
        using var channel = RpcChannel.ForAddress(server.Address, options);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Say, Echo.Text("x"), default));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("no caller identity", error.Detail);
        Assert.Equal(0, handler.Attempts);
    }

    [Fact]
    public async Task ReservedMetadataKeysAreRejected()
    {
        using var channel = RpcChannel.ForAddress(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Say, Echo.Text("x"), Echo.With(("grpc-timeout", "1S"))));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("grpc-timeout", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonAsciiTextMetadataIsRejectedWithAHint()
    {
        using var channel = RpcChannel.ForAddress(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Say, Echo.Text("x"), Echo.With(("x-organisation", "Ministère du Numérique"))));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("-bin", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsOnADisposedChannelFailAsUnavailable()
    {
        var channel = RpcChannel.ForAddress(server.Address);
        channel.Dispose();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Say, Echo.Text("x"), default));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:5001")]
    [InlineData("127.0.0.1:5001")]
    [InlineData("/relative")]
    public void AddressesOtherThanHttpOrHttpsAreRejected(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => RpcChannel.ForAddress(address));

        Assert.Contains("http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedRequestCompressionIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => RpcChannel.ForAddress(server.Address, new RpcChannelOptions { RequestCompression = "br" }));

        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }

    private sealed class HeaderInterceptor(string key, string value) : IClientInterceptor
    {
        public ValueTask InterceptAsync(ClientCallInfo call, CancellationToken cancellationToken)
        {
            Assert.Equal("/capacityhub.testing.v1.Echo/Say", call.Method.FullName);
            call.Headers.Add(key, value);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RefusingInterceptor : IClientInterceptor
    {
        public ValueTask InterceptAsync(ClientCallInfo call, CancellationToken cancellationToken) =>
            throw new RpcException(StatusCode.PermissionDenied, "no caller identity");
    }
}
