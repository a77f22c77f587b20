using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.TestSupport;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// ASP.NET Core's request span, on the shared defaults over real HTTP/2, carries the HTTP semantic
/// conventions (name "{method} {route}", method, path, route, status) and continues the caller's
/// traceparent; gRPC calls keep their RPC name.
/// </summary>
public sealed class HttpServerSpanTests : IAsyncLifetime
{
    private readonly TelemetryRecorder recorder = new("Microsoft.AspNetCore");
    private ServiceTestHost? host;
    private string address = "";

    public async Task InitializeAsync()
    {
        host = await ServiceTestHost.StartAsync(
            "http-spans",
            b => b.AddServiceDefaults("http-spans", []),
            a =>
            {
                a.MapServiceDefaults();
                a.MapGet("/reports/{id}", (string id) => Results.Ok(id));
                a.MapGet("/broken", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
            },
            environment: "Testing");
        address = host.Channel.Address.ToString();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        recorder.Dispose();
    }

    [Fact]
    public async Task ARequestSpanIsNamedByMethodAndRouteWithTheHttpAttributes()
    {
        var (trace, parent) = NewContext();

        var status = await GetAsync("/reports/r-7", trace, parent);

        Assert.Equal(HttpStatusCode.OK, status);
        var span = Assert.Single(await SpansAsync(trace));
        Assert.Equal("GET /reports/{id}", span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(parent, span.ParentSpanId.ToHexString());
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/reports/{id}", span.GetTagItem("http.route"));
        Assert.Equal("/reports/r-7", span.GetTagItem("url.path"));
        Assert.Equal("http", span.GetTagItem("url.scheme"));
        Assert.Equal("2", span.GetTagItem("network.protocol.version"));
        Assert.Equal(new Uri(address).Port, span.GetTagItem("server.port"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task AServerErrorAnswerMarksTheSpanAsAnError()
    {
        var (trace, parent) = NewContext();

        var status = await GetAsync("/broken", trace, parent);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var span = Assert.Single(await SpansAsync(trace));
        Assert.Equal(503, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task AnRpcCallKeepsItsRpcNameAndGainsTheHttpAttributes()
    {
        var (trace, parent) = NewContext();
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(address, new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = CallerOnlyHandler() });
        // The gRPC client instrumentation of the shared in-process SDK sends its own span as the parent, so the
        // test's context is made the caller's current one rather than a header.
        using (new Activity("test-caller").SetParentId(ActivityTraceId.CreateFromString(trace), ActivitySpanId.CreateFromString(parent)).Start())
        {
            await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "liveness" });
        }

        var span = Assert.Single(await SpansAsync(trace));
        Assert.Equal("grpc.health.v1.Health/Check", span.DisplayName);
        Assert.Equal("grpc", span.GetTagItem("rpc.system"));
        Assert.Equal("/grpc.health.v1.Health/Check", span.GetTagItem("http.route"));
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }

    private static (string Trace, string Parent) NewContext() =>
        (Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    private async Task<HttpStatusCode> GetAsync(string path, string trace, string parent)
    {
        using var client = new HttpClient(CallerOnlyHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(address), path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Add("traceparent", $"00-{trace}-{parent}-01");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    // The test and the service share a process (and so the OpenTelemetry SDK): the client must send the
    // traceparent the test chose, not one of its own client span, as a caller in another process would.
    private static SocketsHttpHandler CallerOnlyHandler() => new() { ActivityHeadersPropagator = null };

    // The server stops its span just after the response has gone out.
    private Task<IReadOnlyList<Activity>> SpansAsync(string trace) =>
        recorder.WaitForAsync(r => r.SpansOf(ActivityTraceId.CreateFromString(trace)), 1, "the request span");
}
