using System.Net;
using CapacityHub.Rpc.Tests.Client.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapacityHub.Rpc.Tests.Client;

/// <summary>
/// Responses a proxy or a broken server might give, served over real HTTP/2 by a bare Kestrel
/// that answers whatever the x-reply request header asks for.
/// </summary>
public sealed class HttpErrorMappingTests : IAsyncLifetime
{
    private WebApplication? _app;
    private string _address = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.Run(ReplyAsync);
        await _app.StartAsync();
        _address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    public async Task HttpErrorsWithoutGrpcStatusMapToTheSpecifiedCodes(int httpStatus, StatusCode expected)
    {
        using var channel = RpcChannel.ForAddress(_address);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Say, Echo.Text("x"), Echo.With(("x-reply", httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        Assert.Equal(expected, error.StatusCode);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonGrpcContentIsRejected()
    {
        using var channel = RpcChannel.ForAddress(_address);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Say, Echo.Text("x"), Echo.With(("x-reply", "html"))));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("text/html", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrailersOnlyResponsesCarryTheStatusInHeaders()
    {
        using var channel = RpcChannel.ForAddress(_address);
        using var call = channel.ServerStreaming(Echo.SayWithMetadata, Echo.Text("x"), Echo.With(("x-reply", "trailers-only")));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("Nicht erlaubt ✓", error.Detail);
        Assert.Equal("partner-agency", error.Trailers.GetValue("x-required-role"));
        Assert.Empty(await call.ResponseHeadersAsync);
    }

    [Fact]
    public async Task MissingGrpcStatusIsReportedAsUnknown()
    {
        using var channel = RpcChannel.ForAddress(_address);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(Echo.Say, Echo.Text("x"), Echo.With(("x-reply", "no-status"))));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("grpc-status", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsAreHttp2PostsWithTheGrpcHeaders()
    {
        using var channel = RpcChannel.ForAddress(_address);

        using var call = channel.ServerStreaming(
            Echo.SayWithMetadata, Echo.Text("x"), Echo.With(("x-reply", "echo-request")).WithTimeout(TimeSpan.FromSeconds(30)));
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal("HTTP/2 POST /capacityhub.testing.v1.Echo/Say", headers.GetValue("x-seen-request"));
        Assert.Equal("application/grpc", headers.GetValue("x-seen-content-type"));
        Assert.Equal("trailers", headers.GetValue("x-seen-te"));
        Assert.Matches("^[0-9]{1,8}[HMSmun]$", headers.GetValue("x-seen-grpc-timeout"));
    }

    private static async Task ReplyAsync(HttpContext context)
    {
        var response = context.Response;
        var reply = context.Request.Headers["x-reply"].ToString();
        switch (reply)
        {
            case "html":
                response.ContentType = "text/html";
                await response.WriteAsync("<html>not gRPC</html>");
                break;
            case "trailers-only":
                response.ContentType = "application/grpc";
                response.Headers["grpc-status"] = "7";
                response.Headers["grpc-message"] = "Nicht erlaubt %E2%9C%93";
                response.Headers["x-required-role"] = "partner-agency";
                break;
            case "no-status":
                response.ContentType = "application/grpc";
                await response.StartAsync();
                break;
            case "echo-request":
                var request = context.Request;
                response.ContentType = "application/grpc";
                response.Headers["x-seen-request"] = $"{request.Protocol} {request.Method} {request.Path}";
                response.Headers["x-seen-content-type"] = request.ContentType;
                response.Headers["x-seen-te"] = request.Headers["te"].ToString();
                response.Headers["x-seen-grpc-timeout"] = request.Headers["grpc-timeout"].ToString();
                await response.StartAsync();
                response.AppendTrailer("grpc-status", "0");
                break;
            default:
                response.StatusCode = int.Parse(reply, System.Globalization.CultureInfo.InvariantCulture);
                break;
        }
    }
}
