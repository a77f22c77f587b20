using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Dashboard;
using CapacityHub.Gateway.Exports;
using CapacityHub.Gateway.Forwarding;
using CapacityHub.Gateway.Limits;
using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Rest;
using CapacityHub.Gateway.Rest.Imports;
using CapacityHub.Gateway.Web;
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
        builder.AddRestFace();
        builder.AddWebApp();
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery();
        builder.Services.AddInterfaceLocalisation();
        builder.Services.AddGrpc(options => options.Interceptors.Add<RpcServerTelemetry>());
        builder.Services.AddGrpcReflection();
        // Readiness ("") needs every backend serving; liveness only needs the process.
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy())
            .AddCheck<BackendsHealth>(BackendsHealth.Name);
        builder.Services.AddGrpcHealthChecks(options =>
        {
            options.Services.Map("", _ => true);
            options.Services.Map(ServiceDefaults.Health.StoreHealth.LivenessService, check => check.Name == "process");
        });
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseInterfaceLocalisation();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseWebForms();
        app.UseAntiforgery();
        app.UseRestResponses();
        app.MapGrpcHealthChecksService();
        app.MapGrpcService<DashboardApi>();
        app.MapGrpcReflectionService();
        app.MapGrpcForwarding();
        app.MapDemoSignIn();
        app.MapRestFace();
        app.MapCsvImports();
        app.MapExports();
        app.MapCultureSwitch();
        app.MapWebApp();
        return app;
    }
}
