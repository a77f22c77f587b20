using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Clients;

/// <summary>Clients for the other CapacityHub services, found at <c>Services:{Name}</c>, through Grpc.Net.ClientFactory.</summary>
public static class ServiceClients
{
    /// <summary>
    /// Registers a generated client for another service with the shared channel settings
    /// (<see cref="ServiceChannels"/>) and a default deadline. <paramref name="caller"/> adds the caller
    /// token (the calling service's own, or the signed-in user's at the gateway).
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(
        this IServiceCollection services, IConfiguration configuration, string serviceName, Func<IServiceProvider, CallerTokenInterceptor?> caller)
        where TClient : ClientBase
    {
        var key = $"Services:{serviceName}";
        var address = configuration[key];
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new InvalidOperationException($"Configure {key} with the address of the {serviceName} service (e.g. http://127.0.0.1:5101).");
        }

        services.AddServiceAddressResolution();
        var builder = services
            .AddGrpcClient<TClient>(options => options.Address = ServiceChannels.Target(address))
            .ConfigureChannel(ServiceChannels.Configure)
            .AddInterceptor(() => new DefaultDeadlineInterceptor(ServiceChannels.DefaultDeadline));
        builder.AddInterceptor(provider => caller(provider) ?? (Grpc.Core.Interceptors.Interceptor)new NoInterceptor());
        return builder;
    }

    /// <summary>A service's client for another service, calling as the service itself (when caller tokens are on).</summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, IConfiguration configuration, string serviceName, string callingService)
        where TClient : ClientBase =>
        services.AddServiceClient<TClient>(configuration, serviceName, provider =>
            provider.GetService<CallerTokens>() is { } tokens
                ? new ServiceCallerInterceptor(tokens, callingService, TimeProvider.System, provider.GetRequiredService<CallerTokenOptions>().Lifetime)
                : null);

    private sealed class NoInterceptor : Grpc.Core.Interceptors.Interceptor;
}
