using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

public static class ForwardingEndpoints
{
    public static WebApplicationBuilder AddGrpcForwarding(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<BackendTargets>();
        builder.Services.AddSingleton<GrpcForwarder>();
        return builder;
    }

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
            service.Add(endpoint => endpoint.RequestDelegate = forward);
        }

        return endpoints;
    }
}
