using System.Net;
using System.Net.Http.Headers;
using CapacityHub.Interop.Tests.Infrastructure;

namespace CapacityHub.Interop.Tests;

/// <summary>The interop server over TLS: gRPC clients get HTTP/2 through ALPN, HTTP/1.1 clients get 426.</summary>
[Collection(InteropCollection.Name)]
public sealed class TlsTests(InteropFixture fixture, TlsServerFixture tls) : IClassFixture<TlsServerFixture>
{
    [Fact]
    public async Task GrpcioClientCallsOverTlsWithAlpn()
    {
        foreach (var testCase in new[] { "large_unary", "ping_pong" })
        {
            var result = await Python.RunAsync("interop_client.py",
                ["--port", tls.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--test_case", testCase,
                 "--stubs", fixture.StubDirectory, "--use_tls=true", "--ca_file", tls.CertificatePath,
                 "--server_host_override", "localhost"],
                TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, $"{testCase} over TLS failed: {result}\n--- server\n{tls.Server.Output}");
            Assert.Contains($"PASS {testCase}", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Http11GrpcRequestIsAnsweredWithUpgradeRequired()
    {
        using var client = tls.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/grpc.testing.TestService/EmptyCall")
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.False(tls.Server.HasExited, "the interop server died");
    }

    [Fact]
    public async Task Http2OverTlsStillServesAfterAnHttp11Request()
    {
        using var client = tls.CreateHttpClient();
        using var http1 = new HttpRequestMessage(HttpMethod.Post, "/grpc.testing.TestService/EmptyCall")
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        http1.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using (await client.SendAsync(http1))
        {
        }

        using var http2 = new HttpRequestMessage(HttpMethod.Post, "/grpc.testing.TestService/EmptyCall")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        http2.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        http2.Headers.TE.ParseAdd("trailers");

        using var response = await client.SendAsync(http2);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new byte[5], body); // one empty, uncompressed grpc.testing.Empty
        Assert.Equal("0", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
    }
}
