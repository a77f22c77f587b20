using CapacityHub.Gateway.Rest;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

public static class ForwardingEndpoints
{
    public static WebApplicationBuilder AddGrpcForwarding(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<BackendTargets>();
        builder.Services.AddSingleton<GrpcForwarder>();
        // Their transcoded REST calls (never their gRPC ones, which YARP relays) end in the forwarder interceptor.
        var grpc = builder.Services.AddGrpc();
        grpc.AddServiceOptions<ForwardedProgrammeService>(Forwarded);
        grpc.AddServiceOptions<ForwardedPartnerService>(Forwarded);
        grpc.AddServiceOptions<ForwardedTrainingService>(Forwarded);
        grpc.AddServiceOptions<ForwardedNominationService>(Forwarded);
        grpc.AddServiceOptions<ForwardedOutcomeReportService>(Forwarded);
        grpc.AddServiceOptions<ForwardedImpactService>(Forwarded);
        return builder;
    }

    private static void Forwarded<TService>(GrpcServiceOptions<TService> options)
        where TService : class => options.Interceptors.Add<TranscodedCallForwarder>();

    /// <summary>
    /// Routes every method of the three services' APIs to the forwarder. Mapping them as the generated
    /// services puts them into the gateway's reflection, so tools find them on the gateway alone.
    /// </summary>
    public static IEndpointRouteBuilder MapGrpcForwarding(this IEndpointRouteBuilder endpoints)
    {
        var forwarder = endpoints.ServiceProvider.GetRequiredService<GrpcForwarder>();
        RequestDelegate forward = forwarder.HandleAsync;
        IEndpointConventionBuilder[] services =
        [
            endpoints.MapGrpcService<ForwardedProgrammeService>(),
            endpoints.MapGrpcService<ForwardedPartnerService>(),
            endpoints.MapGrpcService<ForwardedTrainingService>(),
            endpoints.MapGrpcService<ForwardedNominationService>(),
            endpoints.MapGrpcService<ForwardedOutcomeReportService>(),
            endpoints.MapGrpcService<ForwardedImpactService>(),
        ];
        foreach (var service in services)
        {
            service.Add(endpoint =>
            {
                // REST routes (from the google.api.http annotations) stay with JSON transcoding.
                if (!endpoint.Metadata.OfType<GrpcJsonTranscodingMetadata>().Any())
                {
                    endpoint.RequestDelegate = forward;
                }
            });
        }

        return endpoints;
    }
}
