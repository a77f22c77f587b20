using CapacityHub.Gateway.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Dashboard;

/// <summary>capacityhub.gateway.v1.DashboardService on the gateway's gRPC port, over <see cref="ImpactDashboard"/>.</summary>
public sealed class DashboardApi(ImpactDashboard dashboard) : DashboardService.DashboardServiceBase
{
    public override Task<V1.ImpactDashboard> GetImpactDashboard(GetImpactDashboardRequest request, ServerCallContext context) =>
        dashboard.GetAsync(request, context.CancellationToken);

    public override async Task WatchImpactDashboard(GetImpactDashboardRequest request, IServerStreamWriter<V1.ImpactDashboard> responseStream, ServerCallContext context)
    {
        try
        {
            await foreach (var update in dashboard.WatchAsync(request, context.CancellationToken))
            {
                await responseStream.WriteAsync(update, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client left or the deadline passed; the call layer reports it.
        }
    }
}
