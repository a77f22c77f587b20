using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CapacityHub.ServiceDefaults.Health;

/// <summary>
/// Readiness follows the store: unhealthy until the service's collections are migrated, whenever the store
/// stops answering, and from the moment shutdown begins (so Kubernetes takes the pod out of its Service
/// before it stops). A store that cannot be reached at start-up (MongoDB still starting) does not stop the
/// service: migration (and any <see cref="IStoreUpgrade"/>) is retried in the background and the service stays NOT_SERVING until it succeeds.
/// </summary>
internal sealed partial class StoreReadiness(
    IDocumentStore store,
    ServiceCollections collections,
    IEnumerable<IStoreUpgrade> upgrades,
    IHostApplicationLifetime lifetime,
    ILogger<StoreReadiness> logger) : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private volatile bool migrated;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        migrated = await TryMigrateAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("shutting down");
        }

        if (!migrated)
        {
            return HealthCheckResult.Unhealthy("store not migrated yet");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await store.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is StoreUnavailableException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogStoreUnreachable(logger, e.Message);
            return HealthCheckResult.Unhealthy("store unreachable");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!migrated && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            migrated = await TryMigrateAsync(stoppingToken);
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
            foreach (var upgrade in upgrades)
            {
                await upgrade.UpgradeAsync(store, cancellationToken);
            }

            return true;
        }
        catch (StoreUnavailableException e)
        {
            LogStoreUnreachable(logger, "migration not done yet: " + e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unreachable; reporting NOT_SERVING: {Reason}")]
    private static partial void LogStoreUnreachable(ILogger logger, string reason);
}
