using CapacityHub.Gateway.Limits;
using CapacityHub.Gateway.Rest;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

public static class ForwardingEndpoints
{
    public static WebApplicationBuilder AddGrpcForwarding(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GrpcFaceGate>();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(GrpcProxyConfig.Routes(), GrpcProxyConfig.Clusters(builder.Configuration, GatewayLimitsOptions.From(builder.Configuration)))
            .AddTransforms(CallerTransforms.Apply);
        builder.Services.Replace(ServiceDescriptor.Singleton<IForwarderHttpClientFactory, ServiceConnections>());
        // Their transcoded REST calls (never their gRPC ones, which YARP relays) end in the forwarder interceptor.
        var grpc = builder.Services.AddGrpc();
        grpc.AddServiceOptions<ForwardedProgrammeService>(Forwarded);
        grpc.AddServiceOptions<ForwardedPartnerService>(Forwarded);
        grpc.AddServiceOptions<ForwardedTrainingService>(Forwarded);
        grpc.AddServiceOptions<ForwardedNominationService>(Forwarded);
        grpc.AddServiceOptions<ForwardedOutcomeReportService>(Forwarded);
        grpc.AddServiceOptions<ForwardedImpactService>(Forwarded);
        grpc.AddServiceOptions<ForwardedNotificationService>(Forwarded);
        return builder;
    }

    private static void Forwarded<TService>(GrpcServiceOptions<TService> options)
        where TService : class => options.Interceptors.Add<TranscodedCallForwarder>();

    /// <summary>
    /// Maps the three services' APIs as the generated services, which puts them into the gateway's
    /// reflection and serves their REST routes (JSON transcoding), then YARP's routes, which take every
    /// gRPC call to them through <see cref="GrpcFaceGate"/> to the owning service.
    /// </summary>
    public static IEndpointRouteBuilder MapGrpcForwarding(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ForwardedProgrammeService>();
        endpoints.MapGrpcService<ForwardedPartnerService>();
        endpoints.MapGrpcService<ForwardedTrainingService>();
        endpoints.MapGrpcService<ForwardedNominationService>();
        endpoints.MapGrpcService<ForwardedOutcomeReportService>();
        endpoints.MapGrpcService<ForwardedImpactService>();
        endpoints.MapGrpcService<ForwardedNotificationService>();
        var gate = endpoints.ServiceProvider.GetRequiredService<GrpcFaceGate>();
        endpoints.MapReverseProxy(proxy => proxy.Use((http, next) => gate.InvokeAsync(http, next)));
        return endpoints;
    }
}
