using System.Threading.Channels;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CapacityHub.Rpc.Health;

/// <summary>grpc.health.v1.Health over the status registry (Check, and Watch streaming every change).</summary>
internal sealed class HealthService(IHealthStatusRegistry registry) : Grpc.Health.V1.Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = registry.GetStatus(request.Service)
            ?? throw new RpcException(StatusCode.NotFound, $"Service '{request.Service}' is unknown to health checking.");
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public override async Task Watch(
        HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        // Only the latest status matters to a watcher, so a slow reader skips intermediate ones.
        var changes = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        void OnChanged(string service, ServingStatus status)
        {
            if (service == request.Service)
            {
                changes.Writer.TryWrite(status);
            }
        }

        registry.StatusChanged += OnChanged;
        try
        {
            var last = registry.GetStatus(request.Service) ?? ServingStatus.ServiceUnknown;
            await responseStream.WriteAsync(new HealthCheckResponse { Status = last }, context.CancellationToken);
            await foreach (var status in changes.Reader.ReadAllAsync(context.CancellationToken))
            {
                if (status != last)
                {
                    last = status;
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Watch ends only when the caller goes away; nothing to report.
        }
        finally
        {
            registry.StatusChanged -= OnChanged;
        }
    }
}
