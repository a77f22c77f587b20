using CapacityHub.Rpc;
using CapacityHub.Storage;
using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CapacityHub.ServiceDefaults.Hosting;

/// <summary>
/// Readiness follows the store: the whole-server health status ("") is NOT_SERVING until the
/// service's collections are migrated, whenever the store stops answering, and from the moment
/// shutdown begins (so Kubernetes takes the pod out of its Service before it stops). A store that cannot be
/// reached at start-up (MongoDB still starting) does not stop the service: migration is retried with the
/// pings and the service stays NOT_SERVING until it succeeds. Liveness
/// ("liveness") only says the process runs; a slow database must not get pods restarted.
/// </summary>
internal sealed partial class StoreReadiness(
    IDocumentStore store,
    ServiceCollections collections,
    IHealthStatusRegistry health,
    IHostApplicationLifetime lifetime,
    ILogger<StoreReadiness> logger) : BackgroundService
{
    public const string LivenessService = "liveness";

    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);
    private bool migrated;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        health.SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing);
        health.SetStatus(LivenessService, HealthCheckResponse.Types.ServingStatus.Serving);
        migrated = await TryMigrateAsync(cancellationToken);
        lifetime.ApplicationStopping.Register(() => health.SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            migrated = migrated || await TryMigrateAsync(stoppingToken);
            var ready = migrated && await PingAsync(stoppingToken);
            if (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                health.SetStatus("", ready ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing);
            }

            try
            {
                await Task.Delay(PingInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// False while the store is unreachable (MongoDB gives up after its serverSelectionTimeoutMS); any other
    /// failure (e.g. a unique index over duplicates) still stops the service.
    /// </summary>
    private async Task<bool> TryMigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(collections.All, cancellationToken);
            return true;
        }
        catch (StoreUnavailableException e)
        {
            LogStoreUnreachable(logger, "migration not done yet: " + e.Message);
            return false;
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await store.PingAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is StoreUnavailableException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogStoreUnreachable(logger, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unreachable; reporting NOT_SERVING: {Reason}")]
    private static partial void LogStoreUnreachable(ILogger logger, string reason);
}
