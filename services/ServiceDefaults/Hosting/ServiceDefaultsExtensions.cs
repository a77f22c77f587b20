using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.ServiceDefaults.Health;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Telemetry;
using CapacityHub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CapacityHub.ServiceDefaults.Hosting;

/// <summary>What every CapacityHub service process shares: telemetry, gRPC, caller identity, its store and health.</summary>
public static class ServiceDefaultsExtensions
{
    /// <param name="serviceName">Short name: "programmes", "partners", "trainings".</param>
    /// <param name="collections">Every collection the service owns; migrated before it takes calls.</param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, IReadOnlyList<CollectionSpec> collections)
    {
        builder.AddCapacityHubTelemetry("capacityhub-" + serviceName);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));

        var identity = builder.Configuration.GetSection(CallerTokenOptions.Section).Get<CallerTokenOptions>() ?? new CallerTokenOptions();
        var enforceIdentity = !string.IsNullOrWhiteSpace(identity.SigningKey);
        if (!enforceIdentity && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Identity:SigningKey is required in production: services accept only calls with a caller token.");
        }

        if (enforceIdentity)
        {
            builder.Services.AddSingleton(identity);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<CallerTokens>();
        }

        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = ServiceChannels.MaxMessageBytes;
            options.Interceptors.Add<RpcServerTelemetry>();
            if (enforceIdentity)
            {
                options.Interceptors.Add<CallerIdentityInterceptor>();
            }
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddDocumentStore(builder.Configuration, serviceName);
        builder.Services.AddSingleton(new ServiceCollections(collections));
        builder.Services.AddStoreHealth();
        return builder;
    }

    /// <summary>Health (Check, Watch) and reflection (v1 and v1alpha) beside the service's own gRPC services.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
