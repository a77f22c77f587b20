using CapacityHub.Rpc.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CapacityHub.Rpc;

public static class HealthEndpointExtensions
{
    /// <summary>Maps grpc.health.v1.Health (Check and Watch) backed by <see cref="IHealthStatusRegistry"/>.</summary>
    public static IEndpointConventionBuilder MapRpcHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRpcService<HealthService>();
}
