using CapacityHub.ServiceDefaults.Clients;
using System.Collections.Concurrent;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Extensions;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapacityHub.Gateway.Tests.Forwarding;

/// <summary>
/// The gateway as Program.cs wires it (Local environment, demo sign-in) on a real HTTP/2 port, in front
/// of a fake Trainings service on another real port; Programmes and Partners point at a closed port.
/// Every log line the gateway writes is kept for inspection.
/// </summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    public static readonly string IdentityKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string DemoKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private readonly WebApplication backend;
    private readonly WebApplication gateway;

    private GatewayUnderTest(WebApplication backend, WebApplication gateway, CallLog calls, LogSink logs)
    {
        this.backend = backend;
        this.gateway = gateway;
        Calls = calls;
        Logs = logs;
        Address = AddressOf(gateway);
        Channel = ServiceChannels.Open(Address);
    }

    public CallLog Calls { get; }

    public LogSink Logs { get; }

    public string Address { get; }

    public ServiceChannel Channel { get; }

    public static async Task<GatewayUnderTest> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var calls = new CallLog();
        var backend = await StartBackendAsync(calls);
        var logs = new LogSink();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = GatewayAuthenticationOptions.LocalEnvironment });
        var configuration = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Identity:SigningKey"] = IdentityKey,
            ["Authentication:DemoSigningKey"] = DemoKey,
            ["Services:Trainings"] = AddressOf(backend),
            ["Services:Programmes"] = "http://127.0.0.1:9",
            ["Services:Partners"] = "http://127.0.0.1:9",
            ["Logging:LogLevel:Default"] = "Trace",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddGateway();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        var gateway = builder.Build();
        gateway.MapGateway();
        await gateway.StartAsync();
        return new GatewayUnderTest(backend, gateway, calls, logs);
    }

    /// <summary>A bearer token from the gateway's own demo issuer, for any identity.</summary>
    public string TokenFor(CallerIdentity identity) =>
        gateway.Services.GetRequiredService<DemoTokenIssuer>().Issue(new DemoAccount(identity.Subject, identity.DisplayName, identity), "capacityhub");

    public static CallOptions Bearer(string token, TimeSpan? timeout = null, Metadata? extra = null)
    {
        var headers = extra ?? new Metadata();
        headers.Add("authorization", "Bearer " + token);
        return new CallOptions(headers, DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20)));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        await backend.StopAsync();
        await backend.DisposeAsync();
    }

    private static async Task<WebApplication> StartBackendAsync(CallLog calls)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(calls);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<FakeTrainings>();
        app.MapGrpcService<FakeImpact>();
        await app.StartAsync();
        return app;
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}

/// <summary>Keeps every formatted log line (with its exception) the host writes.</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Writer(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}
