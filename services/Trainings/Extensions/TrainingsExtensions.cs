using CapacityHub.Programmes.V1;
using CapacityHub.Rpc;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.Trainings.Api;
using CapacityHub.Trainings.Storage;

namespace CapacityHub.Trainings.Extensions;

public static class TrainingsExtensions
{
    /// <summary>Shared service defaults plus what the Trainings service itself needs.</summary>
    public static WebApplicationBuilder AddTrainings(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults("trainings", TrainingsCollections.All);
        builder.AddServiceClient("Programmes", "trainings", invoker => new ProgrammeService.ProgrammeServiceClient(invoker));
        builder.Services.AddSingleton<ImpactAggregates>();
        builder.Services.AddSingleton<IFunderProgrammes, FunderProgrammesClient>();
        builder.Services.AddSingleton<ImpactChanges>();
        builder.Services.AddSingleton<TrainingsMetrics>();
        builder.Services.AddSingleton<OutcomeReportRepository>();
        return builder;
    }

    public static WebApplication MapTrainings(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapRpcService<ImpactApi>();
        app.MapRpcService<OutcomeReportApi>();
        return app;
    }
}
