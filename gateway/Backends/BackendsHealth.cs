using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CapacityHub.Gateway.Backends;

/// <summary>
/// The gateway is ready only while every service it forwards to serves: a gateway in front of a dead
/// Trainings service should leave the load balancer's rotation, not answer 503s. Liveness does not use
/// this check, so Kubernetes never restarts the gateway for a backend's outage.
/// </summary>
public sealed class BackendsHealth(ServiceBackends backends) : IHealthCheck
{
    public const string Name = "backends";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var checks = backends.HealthClients().Select(async backend =>
        {
            try
            {
                var reply = await backend.Health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + Timeout, cancellationToken: cancellationToken);
                return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? null : $"the {backend.Service} service is {reply.Status}";
            }
            catch (RpcException)
            {
                return $"the {backend.Service} service is unreachable";
            }
        });
        var problems = (await Task.WhenAll(checks)).OfType<string>().ToList();
        return problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", problems));
    }
}
