using CapacityHub.ServiceDefaults.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.TestSupport;

/// <summary>
/// One service as its Program.cs wires it, on a real cleartext HTTP/2 port of 127.0.0.1 with its own
/// SQLite file in a fresh temp folder, and a channel to call it with the generated clients.
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string folder;

    private ServiceTestHost(WebApplication app, string folder, string address)
    {
        this.app = app;
        this.folder = folder;
        Channel = ServiceChannels.Open(address);
    }

    /// <summary>Calls the service with the settings every CapacityHub caller shares (no caller token).</summary>
    public ServiceChannel Channel { get; }

    /// <summary>The host's services, for tests that change state the service reads (e.g. health statuses).</summary>
    public IServiceProvider Services => app.Services;

    /// <param name="name">Names the temp folder and the SQLite file.</param>
    /// <param name="add">The service's builder extension, e.g. <c>b => b.AddPartners()</c>.</param>
    /// <param name="map">The service's endpoint extension, e.g. <c>a => a.MapPartners()</c>.</param>
    /// <param name="settings">Extra configuration (e.g. Identity:SigningKey).</param>
    public static async Task<ServiceTestHost> StartAsync(
        string name,
        Action<WebApplicationBuilder> add,
        Action<WebApplication> map,
        string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory($"capacityhub-{name}-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        var configuration = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Storage:Path"] = Path.Combine(folder, name + ".db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        add(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceTestHost(app, folder, address);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
