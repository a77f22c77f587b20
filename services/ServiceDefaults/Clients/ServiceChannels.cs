using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Clients;

/// <summary>
/// How every CapacityHub process reaches a service: the client factory registrations
/// (<see cref="ServiceClients"/>), the local run's seeder, the benchmarks and the tests all take their
/// channel settings from here, so a call behaves the same whoever makes it.
/// </summary>
public static class ServiceChannels
{
    /// <summary>How long a unary call may take when its caller set no deadline.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    /// <summary>The 4 MiB message limit, both ways (the services receive no more either).</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    // A headless Kubernetes Service resolves to every pod; re-resolving every 30 s picks up new pods.
    private static readonly TimeSpan AddressRefresh = TimeSpan.FromSeconds(30);

    /// <summary>
    /// "http://host:port" becomes "dns:///host:port" so that calls spread, round robin, over every
    /// address the name resolves to rather than pinning one pod for the channel's lifetime.
    /// </summary>
    public static Uri Target(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "dns"))
        {
            throw new InvalidOperationException($"'{address}' is not a service address: use http://host:port (cleartext HTTP/2 inside the cluster).");
        }

        return uri.Scheme == "dns" ? uri : new Uri($"dns:///{uri.Host}:{uri.Port}");
    }

    /// <summary>Round robin, retries for UNAVAILABLE only (creates are safe to retry: they carry request ids), 4 MiB limits.</summary>
    public static void Configure(GrpcChannelOptions options)
    {
        options.Credentials = ChannelCredentials.Insecure;
        options.MaxReceiveMessageSize = MaxMessageBytes;
        options.MaxSendMessageSize = MaxMessageBytes;
        // A restarted pod should be called again within a retry's reach, not after minutes of backoff.
        options.InitialReconnectBackoff = TimeSpan.FromMilliseconds(100);
        options.MaxReconnectBackoff = TimeSpan.FromSeconds(5);
        options.ServiceConfig = new ServiceConfig
        {
            LoadBalancingConfigs = { new RoundRobinConfig() },
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = 3,
                        InitialBackoff = TimeSpan.FromMilliseconds(200),
                        MaxBackoff = TimeSpan.FromSeconds(2),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        };
    }

    /// <summary>Registers the resolver that re-reads DNS, for channels made by the client factory.</summary>
    public static IServiceCollection AddServiceAddressResolution(this IServiceCollection services)
    {
        services.AddSingleton<ResolverFactory>(new DnsResolverFactory(AddressRefresh));
        return services;
    }

    /// <summary>
    /// A channel outside dependency injection (seeder, benchmarks, tests), with the same settings, the
    /// default deadline and the given interceptors (outermost first).
    /// </summary>
    public static ServiceChannel Open(string address, params Interceptor[] interceptors)
    {
        var options = new GrpcChannelOptions
        {
            ServiceProvider = new ServiceCollection().AddServiceAddressResolution().BuildServiceProvider(),
        };
        Configure(options);
        var channel = GrpcChannel.ForAddress(Target(address), options);
        // Intercept applies its list innermost first: reversed, the first given runs first.
        var invoker = channel.Intercept([.. interceptors.Reverse(), new DefaultDeadlineInterceptor(DefaultDeadline)]);
        return new ServiceChannel(address, channel, invoker);
    }
}
