using CapacityHub.Rpc.Tests.Generated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapacityHub.Rpc.Tests.Infrastructure;

/// <summary>
/// A real Kestrel on 127.0.0.1 with dynamic ports: one HTTP/2-only (h2c prior knowledge) endpoint
/// for gRPC and one HTTP/1.1 endpoint to check that HTTP/1 is refused.
/// </summary>
public sealed class RpcTestServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Http2Address { get; private set; } = null!;

    public Uri Http1Address { get; private set; } = null!;

    public CallObserver Observer { get; } = new();

    public IHealthStatusRegistry Health => _app!.Services.GetRequiredService<IHealthStatusRegistry>();

    public const int MaxReceiveMessageSize = 64 * 1024;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(Observer);
        builder.Services.AddRpc(options =>
        {
            options.MaxReceiveMessageSize = MaxReceiveMessageSize;
            options.Interceptors.Add<GatekeeperInterceptor>();
            options.Interceptors.Add<OrderInterceptor>();
        });

        _app = builder.Build();
        _app.MapRpcService<EchoServiceImpl>();
        _app.MapRpcHealth();
        _app.MapRpcReflection();
        await _app.StartAsync();

        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        Http2Address = new Uri(addresses[0]);
        Http1Address = new Uri(addresses[1]);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public RawGrpcClient CreateClient() => new(Http2Address);
}

[CollectionDefinition(Name)]
public sealed class RpcServerCollection : ICollectionFixture<RpcTestServer>
{
    public const string Name = "rpc-server";
}
