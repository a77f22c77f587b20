using System.Collections.Concurrent;
using Grpc.Health.V1;

namespace CapacityHub.Rpc;

/// <summary>In-memory health statuses. The whole server ("") starts SERVING.</summary>
public sealed class HealthStatusRegistry : IHealthStatusRegistry
{
    private readonly ConcurrentDictionary<string, HealthCheckResponse.Types.ServingStatus> _statuses = new(StringComparer.Ordinal)
    {
        [string.Empty] = HealthCheckResponse.Types.ServingStatus.Serving,
    };

    public event Action<string, HealthCheckResponse.Types.ServingStatus>? StatusChanged;

    public HealthCheckResponse.Types.ServingStatus? GetStatus(string service) =>
        _statuses.TryGetValue(service, out var status) ? status : null;

    public void SetStatus(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        var changed = true;
        _statuses.AddOrUpdate(service, status, (_, old) =>
        {
            changed = old != status;
            return status;
        });
        if (changed)
        {
            StatusChanged?.Invoke(service, status);
        }
    }
}
