using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Dashboard;
using CapacityHub.Gateway.Exports;
using CapacityHub.Gateway.Forwarding;
using CapacityHub.Gateway.Limits;
using CapacityHub.Gateway.Rest;
using CapacityHub.Gateway.Rest.Imports;
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
        builder.AddGrpcForwarding();
        builder.AddGatewayLimits();
        builder.Services.AddImpactDashboard();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<RestOpenApi>());
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery();
        builder.Services.AddRpc(options => options.Interceptors.Add<ServerTelemetryInterceptor>());
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseCallArrival();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRpcHealth();
        app.MapRpcService<DashboardApi>();
        app.MapRpcReflection();
        app.MapGrpcForwarding();
        app.MapDemoSignIn();
        app.MapWebApp();
        app.MapRestApi();
        app.MapCsvImports();
        app.MapExports();
        app.MapOpenApi();
        return app;
    }
}
