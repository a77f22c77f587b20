using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Rpc;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.Trainings.Api;
using CapacityHub.Trainings.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CapacityHub.Trainings.Extensions;

public static class TrainingsExtensions
{
    /// <summary>Shared service defaults plus what the Trainings service itself needs.</summary>
    public static WebApplicationBuilder AddTrainings(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults("trainings", TrainingsCollections.All);
        // Other services, at Services:Programmes and Services:Partners; calls carry this service's caller token.
        builder.AddServiceClient("Programmes", "trainings", invoker => new ProgrammeService.ProgrammeServiceClient(invoker));
        builder.AddServiceClient("Partners", "trainings", invoker => new PartnerService.PartnerServiceClient(invoker));

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ImpactAggregates>();
        services.AddSingleton<TrainingStore>();
        services.AddSingleton<IFunderProgrammes, FunderProgrammesClient>();
        services.AddSingleton<ProgrammeChecks>();
        services.AddSingleton<PartnerChecks>();
        services.AddSingleton<ICountryOrganisations>(sp => sp.GetRequiredService<PartnerChecks>());
        services.AddSingleton<TrainingsAccess>();
        services.AddSingleton<TrainingConflicts>();
        // T-B: outcome reports, impact change signal (watchers) and business counters.
        services.AddSingleton<ImpactChanges>();
        services.AddSingleton<TrainingsMetrics>();
        services.AddSingleton<OutcomeReportRepository>();
        return builder;
    }

    public static WebApplication MapTrainings(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapRpcService<TrainingApi>();
        app.MapRpcService<NominationApi>();
        app.MapRpcService<ImpactApi>();
        app.MapRpcService<OutcomeReportApi>();
        return app;
    }
}
