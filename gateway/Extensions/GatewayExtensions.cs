using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Web;
using CapacityHub.Rpc;
using CapacityHub.Rpc.Telemetry;
using CapacityHub.ServiceDefaults.Telemetry;

namespace CapacityHub.Gateway.Extensions;

public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddCapacityHubTelemetry("capacityhub-gateway");
        builder.AddGatewayAuthentication();
        builder.AddServiceBackends();
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery();
        builder.Services.AddRpc(options => options.Interceptors.Add<ServerTelemetryInterceptor>());
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRpcHealth();
        app.MapRpcReflection();
        app.MapDemoSignIn();
        app.MapWebApp();
        return app;
    }
}
