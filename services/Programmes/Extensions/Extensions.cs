using CapacityHub.Programmes.Api;
using CapacityHub.Programmes.Storage;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CapacityHub.Programmes.Extensions;

public static class Extensions
{
    /// <summary>Shared service defaults plus what the Programmes service itself needs.</summary>
    public static WebApplicationBuilder AddProgrammes(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults("programmes", ProgrammeCollections.All);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProgrammeRepository>();
        builder.Services.AddSingleton<IStoreUpgrade>(new StaleDocumentRewrite<StoredProgramme>(
            ProgrammeCollections.Programmes, p => p.SearchText is null, d => ProgrammeRepository.ToStored(d.Id, ProgrammeRepository.ToResource(d).Value)));
        return builder;
    }

    public static WebApplication MapProgrammes(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<ProgrammeApi>();
        return app;
    }
}
