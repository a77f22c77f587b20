using CapacityHub.Gateway.Web.Components;
using CapacityHub.Gateway.Web.Funder;
using CapacityHub.Gateway.Web.Manager;

namespace CapacityHub.Gateway.Web;

/// <summary>
/// The server-rendered web app: Razor components rendered statically (no circuits) with enhanced
/// navigation and forms, the stylesheet and scripts as static web assets, and the live-update endpoints.
/// </summary>
public static class WebApp
{
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        // Local runs and tests start the Release build from bin/, where the static web assets (app.css,
        // _framework/blazor.web.js) are still in their source folders: the runtime manifest finds them.
        // Published images carry wwwroot and have no manifest, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        builder.Services.AddScoped<Components.Data.NameDirectory>();
        builder.Services.AddScoped<Pages.Manager.NominationQueueData>();
        builder.Services.AddScoped<Pages.Manager.ProgrammeDetailData>();
        builder.Services.AddScoped<Pages.Manager.ReportReviewData>();
        builder.Services.AddScoped<Pages.Manager.ManagerHomeData>();
        builder.Services.AddScoped<Pages.Manager.TrainingDetailData>();
        return builder;
    }

    /// <summary>
    /// Must run before the anti-forgery middleware: that one reads the form, and an over-large form or a
    /// missing token must become a readable page rather than an exception or an empty 400.
    /// </summary>
    public static IApplicationBuilder UseWebForms(this IApplicationBuilder app) => app.UseMiddleware<WebFormGuard>();

    public static WebApplication MapWebApp(this WebApplication app)
    {
        // Named after the gateway assembly rather than the host application, so hosts that load the
        // gateway in-process (the gateway tests' test host) find its assets too.
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{typeof(WebApp).Assembly.GetName().Name}.staticwebassets.endpoints.json");
        app.MapStaticAssets(manifest);
        app.MapRazorComponents<App>().WithStaticAssets(manifest);
        app.MapManagerPages();
        app.MapFunderPages();
        return app;
    }
}
