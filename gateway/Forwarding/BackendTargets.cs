using System.Net;
using CapacityHub.Gateway.Backends;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>One service as the forwarder reaches it: its name for messages, its address, its connection pool.</summary>
public sealed record BackendTarget(string Name, string Address, HttpMessageInvoker Invoker);

/// <summary>
/// Which service owns each forwarded gRPC service (<c>Services:Programmes</c>, <c>Services:Partners</c>,
/// <c>Services:Trainings</c>), each reached over its own HTTP/2 connection pool.
/// </summary>
public sealed class BackendTargets : IDisposable
{
    private readonly Dictionary<string, BackendTarget> byService = new(StringComparer.Ordinal);
    private readonly List<HttpMessageInvoker> invokers = [];

    public BackendTargets(IConfiguration configuration)
    {
        var owners = ServiceOwners.Names.ToDictionary(name => name, name => Open(configuration, name));
        foreach (var (service, owner) in ServiceOwners.ByService)
        {
            byService[service] = owners[owner];
        }
    }

    public BackendTarget? For(string serviceName) => byService.GetValueOrDefault(serviceName);

    public void Dispose()
    {
        foreach (var invoker in invokers)
        {
            invoker.Dispose();
        }
    }

    private BackendTarget Open(IConfiguration configuration, string name)
    {
        var address = ServiceBackends.AddressOf(configuration, name);
        var handler = new SocketsHttpHandler
        {
            // Past a service's concurrent-stream limit, open another connection instead of queueing calls.
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // Replacing connections now and then spreads calls over pods that appeared since.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        var invoker = new HttpMessageInvoker(handler);
        invokers.Add(invoker);
        return new BackendTarget(name, address.TrimEnd('/'), invoker);
    }
}
