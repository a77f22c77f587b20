using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CapacityHub.ServiceDefaults.Health;

/// <summary>
/// grpc.health.v1 on ASP.NET Core health checks. The whole-server status ("") is readiness: the store is
/// migrated and answering, and the process is not shutting down. "liveness" only says the process runs,
/// so a slow database never gets pods restarted. The Kubernetes probes ask for these two names.
/// </summary>
public static class StoreHealth
{
    public const string LivenessService = "liveness";
    private const string ReadyTag = "ready";
    private const string LiveTag = "live";

    public static IServiceCollection AddStoreHealth(this IServiceCollection services)
    {
        services.AddSingleton<StoreReadiness>();
        services.AddHostedService(provider => provider.GetRequiredService<StoreReadiness>());
        services.AddHealthChecks()
            .AddCheck<StoreReadiness>("store", tags: [ReadyTag])
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [LiveTag]);
        services.AddGrpcHealthChecks(options =>
        {
            options.Services.Map("", registration => registration.Tags.Contains(ReadyTag));
            options.Services.Map(LivenessService, registration => registration.Tags.Contains(LiveTag));
        });
        return services;
    }
}
