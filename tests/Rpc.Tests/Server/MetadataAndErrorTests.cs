using CapacityHub.Rpc.Protocol;
using CapacityHub.Rpc.Tests.Generated;
using CapacityHub.Rpc.Tests.Infrastructure;
using Google.Rpc;
using static CapacityHub.Rpc.Tests.Infrastructure.RawGrpcClient;

namespace CapacityHub.Rpc.Tests.Server;

[Collection(RpcServerCollection.Name)]
public sealed class MetadataAndErrorTests(RpcTestServer server) : IDisposable
{
    private readonly RawGrpcClient _client = server.CreateClient();

    [Fact]
    public async Task CustomHeaderIsVisibleToHandlerAndSentBackInResponseHeaders()
    {
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "meta" }));
        request.Headers.Add("x-echo", "programme-42");
        var response = await _client.SendAsync(request);

        Assert.Equal("programme-42", response.Headers["x-echo"]);
        Assert.Equal(StatusCode.Ok, response.Status);
    }

    [Theory]
    [InlineData("AAEC/w")]
    [InlineData("AAEC/w==")]
    public async Task BinaryHeaderIsDecodedPaddedOrNotAndReturnedInTrailers(string encoded)
    {
        var request = Request(Paths.Echo, Frame(new EchoRequest { Text = "bin" }));
        request.Headers.Add("x-echo-bin", encoded);
        var response = await _client.SendAsync(request);

        Assert.Equal(new byte[] { 0, 1, 2, 255 }, BinaryHeader.Decode(response.Trailers["x-echo-bin"]));
    }

    [Fact]
    public async Task ValidationErrorCarriesFieldViolationsInStatusDetails()
    {
        var response = await _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "invalid" }));

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal("The request is not valid.", response.Message);
        var details = Google.Rpc.Status.Parser.ParseFrom(BinaryHeader.Decode(response.StatusField("grpc-status-details-bin")!));
        Assert.Equal((int)StatusCode.InvalidArgument, details.Code);
        var badRequest = details.Details.Single().Unpack<BadRequest>();
        Assert.Equal(["text", "repeat"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("must not be 'invalid'", badRequest.FieldViolations[0].Description);
    }

    [Fact]
    public async Task NonAsciiStatusMessageIsPercentEncodedOnTheWire()
    {
        var response = await _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "not-found" }));

        Assert.Equal(StatusCode.NotFound, response.Status);
        Assert.All(response.RawMessage!, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("%25", response.RawMessage, StringComparison.Ordinal);
        Assert.Equal("Formation « Cyber 101 » introuvable: 100% sûr\nligne 2", response.Message);
    }

    [Fact]
    public async Task InterceptorsWrapEveryCallInOrder()
    {
        var response = await _client.CallAsync(Paths.Echo, Frame(new EchoRequest { Text = "wrapped" }));

        Assert.Equal("gatekeeper,order", response.Trailers["x-intercepted-by"]);
    }

    [Fact]
    public async Task InterceptorCanRejectACallBeforeTheHandlerRuns()
    {
        var request = Request(Paths.Collect, Frame(new EchoRequest { Text = "x" }));
        request.Headers.Add("x-deny", "no badge");
        var response = await _client.SendAsync(request);

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.PermissionDenied, response.Status);
        Assert.Equal("Denied: no badge", response.Message);
    }

    public void Dispose() => _client.Dispose();
}
