using CapacityHub.Rpc.Tests.Client.Support;
using Google.Rpc;

namespace CapacityHub.Rpc.Tests.Client;

[Collection(EchoServerCollection.Name)]
public sealed class MetadataAndErrorTests(EchoServerFixture server)
{
    [Fact]
    public async Task TextAndBinaryMetadataTravelBothWays()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var binary = new byte[] { 0, 1, 2, 250, 251, 252, 253, 254, 255 };
        var headers = new Metadata().Add("x-programme", "PCCP-2026").Add("x-signature-bin", binary);

        using var call = channel.ServerStreaming(Echo.SayWithMetadata, Echo.Text("hello"), new CallOptions(headers));
        var responseHeaders = await call.ResponseHeadersAsync;
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal("hello", call.ResponseStream.Current.Value);
        Assert.False(await call.ResponseStream.MoveNext());

        Assert.Equal("PCCP-2026", responseHeaders.GetValue("echo-x-programme"));
        Assert.Equal(binary, responseHeaders.GetBytes("echo-x-signature-bin"));
        Assert.Equal(StatusCode.Ok, call.GetStatus().StatusCode);
        Assert.Equal("PCCP-2026", call.GetTrailers().GetValue("trailer-x-programme"));
        Assert.Equal(binary, call.GetTrailers().GetBytes("trailer-x-signature-bin"));
    }

    [Fact]
    public async Task StatusMessageIsPercentDecodedAndTrailersAreKept()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        const string message = "Programme «Pacific Cyber» nicht gefunden: 100% sicher ✓";

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Fail, Echo.Text(message), Echo.With(("x-code", "5"))));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(message, error.Detail);
        Assert.Null(error.Details);
        Assert.Equal("kept", error.Trailers.GetValue("trailer-info"));
    }

    [Fact]
    public async Task RichErrorDetailsAreParsedFromStatusDetailsBin()
    {
        using var channel = RpcChannel.ForAddress(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Fail, Echo.Text("Training is invalid"), Echo.With(("x-code", "3"), ("x-field", "training.title"))));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.NotNull(error.Details);
        Assert.Equal(3, error.Details.Code);
        Assert.Equal("Training is invalid", error.Details.Message);
        Assert.True(error.Details.Details.Single().TryUnpack<BadRequest>(out var badRequest));
        Assert.Equal("training.title", badRequest.FieldViolations.Single().Field);
        Assert.Equal([new FieldViolation("training.title", "must not be empty")], error.FieldViolations());
    }

    [Fact]
    public async Task FailedCallsFailTheirResponseHeadersToo()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.ServerStreaming(Echo.Missing, Echo.Text("x"), default);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, call.GetStatus().StatusCode);
    }

    [Fact]
    public void StatusIsUnavailableUntilTheCallFinishes()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var options = Echo.With(("x-count", "1"), ("x-delay-ms", "500"));
        using var call = channel.ServerStreaming(Echo.Repeat, Echo.Text("slow"), options);

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }
}
