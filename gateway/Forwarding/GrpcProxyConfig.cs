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
/// forwarded method, to its owner's clusters.
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
    /// One route per method, so traces and metrics name the method (http.route). The forwarded services are
    /// also mapped as generated gRPC services (for reflection and JSON transcoding) at the same paths; the
    /// routes' lower order makes every gRPC call YARP's. A method no service has is the gateway's own
    /// UNIMPLEMENTED.
    /// </remarks>
    public static IReadOnlyList<RouteConfig> Routes() =>
        [.. ServiceOwners.Services.SelectMany(service => service.Methods).Select(method => new RouteConfig
        {
            RouteId = method.FullName,
            ClusterId = ServiceOwners.ByService[method.Service.FullName] + (method.IsServerStreaming ? StreamsSuffix : ""),
            Order = -1,
            Match = new RouteMatch { Path = $"/{method.Service.FullName}/{method.Name}", Methods = [HttpMethods.Post] },
        })];

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
