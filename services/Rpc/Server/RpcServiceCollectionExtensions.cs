using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CapacityHub.Rpc;

public static class RpcServiceCollectionExtensions
{
    /// <summary>Registers the gRPC server: options, the service registry and the health status registry.</summary>
    public static IServiceCollection AddRpc(this IServiceCollection services, Action<RpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        var options = services.AddOptions<RpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<RpcServiceRegistry>();
        services.TryAddSingleton<HealthStatusRegistry>();
        services.TryAddSingleton<IHealthStatusRegistry>(sp => sp.GetRequiredService<HealthStatusRegistry>());
        return services;
    }
}
