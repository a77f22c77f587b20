using System.Net;
using CapacityHub.Gateway.Backends;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// The gRPC face as YARP configuration: one cluster per CapacityHub service (HTTP/2 cleartext, its address
/// from <c>Services:{Name}</c>) and one route per forwarded gRPC service, to the cluster of its owner.
/// </summary>
public static class GrpcProxyConfig
{
    private static readonly ForwarderRequestConfig Http2Only = new()
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) =>
        [.. ServiceOwners.Names.Select(name => new ClusterConfig
        {
            ClusterId = name,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [name] = new() { Address = ServiceBackends.AddressOf(configuration, name) },
            },
            // Past a service's concurrent-stream limit, open another connection instead of queueing calls.
            HttpClient = new HttpClientConfig { EnableMultipleHttp2Connections = true },
            HttpRequest = Http2Only,
        })];

    /// <remarks>
    /// The forwarded services are also mapped as generated gRPC services (for reflection and JSON
    /// transcoding) at the same paths; the routes' lower order makes every gRPC call YARP's.
    /// </remarks>
    public static IReadOnlyList<RouteConfig> Routes() =>
        [.. ServiceOwners.ByService.Select(pair => new RouteConfig
        {
            RouteId = pair.Key,
            ClusterId = pair.Value,
            Order = -1,
            Match = new RouteMatch { Path = $"/{pair.Key}/{{method}}", Methods = [HttpMethods.Post] },
        })];
}
