using System.Collections.Concurrent;
using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapacityHub.Observability.Tests.Otlp;

/// <summary>
/// A real OTLP/HTTP (binary protobuf) receiver on 127.0.0.1 that keeps what it is sent,
/// so tests can point the OpenTelemetry exporters of real processes at it.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedSpan> spans = new();
    private readonly ConcurrentQueue<ReceivedMetric> metrics = new();
    private int logRecords;
    private WebApplication? app;

    public string Endpoint { get; private set; } = "";

    public IReadOnlyCollection<ReceivedSpan> Spans => spans.ToArray();

    public IReadOnlyCollection<ReceivedMetric> Metrics => metrics.ToArray();

    public int LogRecords => Volatile.Read(ref logRecords);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/v1/traces", context => Receive(context, ExportTraceServiceRequest.Parser, request =>
        {
            foreach (var resourceSpans in request.ResourceSpans)
            {
                var service = resourceSpans.Resource.ServiceName() ?? "";
                foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
                {
                    spans.Enqueue(new ReceivedSpan(service, span, resourceSpans.Resource));
                }
            }

            return new ExportTraceServiceResponse();
        }));
        app.MapPost("/v1/metrics", context => Receive(context, ExportMetricsServiceRequest.Parser, request =>
        {
            foreach (var resourceMetrics in request.ResourceMetrics)
            {
                var service = resourceMetrics.Resource.ServiceName() ?? "";
                foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
                {
                    metrics.Enqueue(new ReceivedMetric(service, metric));
                }
            }

            return new ExportMetricsServiceResponse();
        }));
        app.MapPost("/v1/logs", context => Receive(context, ExportLogsServiceRequest.Parser, request =>
        {
            Interlocked.Add(ref logRecords, request.ResourceLogs.SelectMany(r => r.ScopeLogs).Sum(s => s.LogRecords.Count));
            return new ExportLogsServiceResponse();
        }));
        await app.StartAsync();
        Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>Waits until the condition holds over what has arrived, or fails after the timeout.</summary>
    public async Task<T> WaitForAsync<T>(Func<OtlpReceiver, T?> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (probe(this) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"OTLP receiver did not get {what} within {timeout.TotalSeconds:0}s ({Spans.Count} spans, {Metrics.Count} metrics so far)");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private static async Task Receive<TRequest, TResponse>(HttpContext context, MessageParser<TRequest> parser, Func<TRequest, TResponse> handle)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        if (context.Request.ContentType?.StartsWith("application/x-protobuf", StringComparison.Ordinal) != true)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var body = context.Request.Body;
        if (string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, context.RequestAborted);
        var response = handle(parser.ParseFrom(buffer.ToArray()));
        context.Response.ContentType = "application/x-protobuf";
        await context.Response.Body.WriteAsync(response.ToByteArray(), context.RequestAborted);
    }
}
