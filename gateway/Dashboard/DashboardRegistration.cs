namespace CapacityHub.Gateway.Dashboard;

public static class DashboardRegistration
{
    public static IServiceCollection AddImpactDashboard(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DashboardScopes(sp.GetRequiredService<Backends.ServiceBackends>().ProgrammeClient));
        services.AddSingleton<ImpactDashboard>();
        return services;
    }
}
