using Grpc.Health.V1;

namespace CapacityHub.Rpc;

/// <summary>Serving status per service name ("" is the whole server), as reported by grpc.health.v1.Health.</summary>
public interface IHealthStatusRegistry
{
    /// <summary>The status, or null when the service is unknown to health checking.</summary>
    HealthCheckResponse.Types.ServingStatus? GetStatus(string service);

    void SetStatus(string service, HealthCheckResponse.Types.ServingStatus status);

    /// <summary>Raised after a service's status changes (service name, new status).</summary>
    event Action<string, HealthCheckResponse.Types.ServingStatus>? StatusChanged;
}
