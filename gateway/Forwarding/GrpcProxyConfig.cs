using System.Net;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Limits;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// The gRPC face as YARP configuration: per CapacityHub service (HTTP/2 cleartext, its address from
/// <c>Services:{Name}</c>) a cluster for calls, held to <see cref="GatewayLimitsOptions.IdleCallTimeout"/>, and
/// one for server-streaming calls, which may stay quiet for as long as their client waits; one route per
/// forwarded gRPC service and one per streaming method, to the owner's clusters.
/// </summary>
public static class GrpcProxyConfig
{
    private const string StreamsSuffix = "/streams";

    // YARP needs some bound; a watch left open for a day is ended and the client reconnects.
    private static readonly TimeSpan StreamIdleLimit = TimeSpan.FromDays(1);

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration, GatewayLimitsOptions limits) =>
        [.. ServiceOwners.Names.SelectMany(name => new[]
        {
            Cluster(name, name, configuration, limits.IdleCallTimeout),
            Cluster(name + StreamsSuffix, name, configuration, StreamIdleLimit),
        })];

    /// <remarks>
    /// The forwarded services are also mapped as generated gRPC services (for reflection and JSON
    /// transcoding) at the same paths; the routes' lower order makes every gRPC call YARP's.
    /// </remarks>
    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        .. ServiceOwners.ByService.Select(pair => Route(pair.Key, pair.Value, $"/{pair.Key}/{{method}}")),
        .. ServiceOwners.Services.SelectMany(service => service.Methods)
            .Where(method => method.IsServerStreaming)
            .Select(method => Route(method.FullName, ServiceOwners.ByService[method.Service.FullName] + StreamsSuffix, $"/{method.Service.FullName}/{method.Name}")),
    ];

    // A literal method path outranks a service's {method} route of the same order.
    private static RouteConfig Route(string id, string cluster, string path) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Order = -1,
        Match = new RouteMatch { Path = path, Methods = [HttpMethods.Post] },
    };

    private static ClusterConfig Cluster(string id, string service, IConfiguration configuration, TimeSpan idleLimit) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = ServiceBackends.AddressOf(configuration, service) },
        },
        // Past a service's concurrent-stream limit, open another connection instead of queueing calls.
        HttpClient = new HttpClientConfig { EnableMultipleHttp2Connections = true },
        HttpRequest = new ForwarderRequestConfig
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            ActivityTimeout = idleLimit,
        },
    };
}
