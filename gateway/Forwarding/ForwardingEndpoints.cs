using CapacityHub.Rpc;

namespace CapacityHub.Gateway.Forwarding;

public static class ForwardingEndpoints
{
    public static WebApplicationBuilder AddGrpcForwarding(this WebApplicationBuilder builder)
    {
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
            endpoints.MapRpcService<ForwardedProgrammeService>(),
            endpoints.MapRpcService<ForwardedPartnerService>(),
            endpoints.MapRpcService<ForwardedTrainingService>(),
            endpoints.MapRpcService<ForwardedNominationService>(),
            endpoints.MapRpcService<ForwardedOutcomeReportService>(),
            endpoints.MapRpcService<ForwardedImpactService>(),
        ];
        foreach (var service in services)
        {
            service.Add(endpoint => endpoint.RequestDelegate = forward);
        }

        return endpoints;
    }
}
