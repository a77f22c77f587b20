using CapacityHub.Rpc;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Hosting;

/// <summary>Clients for the other CapacityHub services, found at <c>Services:{Name}</c>.</summary>
public static class ServiceClients
{
    /// <summary>
    /// Registers a generated client for another service. Calls carry a caller token naming this
    /// service, and spread over every address the name resolves to (a headless Kubernetes Service).
    /// </summary>
    public static WebApplicationBuilder AddServiceClient<TClient>(this WebApplicationBuilder builder, string serviceName, string callingService, Func<CallInvoker, TClient> create)
        where TClient : class
    {
        var key = $"Services:{serviceName}";
        var address = builder.Configuration[key];
        builder.Services.AddSingleton(provider =>
        {
            if (string.IsNullOrWhiteSpace(address))
            {
                throw new InvalidOperationException($"Configure {key} with the address of the {serviceName} service (e.g. http://127.0.0.1:5101).");
            }

            var options = new RpcChannelOptions { SpreadAcrossAddresses = true };
            if (provider.GetService<CallerTokens>() is { } tokens)
            {
                var lifetime = provider.GetRequiredService<CallerTokenOptions>().Lifetime;
                options.Interceptors.Add(new ServiceCallerInterceptor(tokens, callingService, TimeProvider.System, lifetime));
            }

            return create(RpcChannel.ForAddress(address, options));
        });
        return builder;
    }
}
