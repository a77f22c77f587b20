using System.Collections.Concurrent;
using CapacityHub.ServiceDefaults.Clients;
using Grpc.Core;
using Grpc.Health.V1;

namespace CapacityHub.LocalRun;

/// <summary>
/// Asks a process's grpc.health.v1.Health/Check whether the whole server ("") is SERVING, as a Kubernetes
/// gRPC readiness probe would. A process that is not listening yet simply is not serving.
/// </summary>
public sealed class HealthProbe : IDisposable
{
    private readonly ConcurrentDictionary<string, ServiceChannel> channels = new();

    public async Task<bool> IsServingAsync(string address, CancellationToken cancellationToken)
    {
        var channel = channels.GetOrAdd(address, a => ServiceChannels.Open(a));
        try
        {
            var response = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.NotFound)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var channel in channels.Values)
        {
            channel.Dispose();
        }
    }
}
