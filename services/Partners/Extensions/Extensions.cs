using CapacityHub.Partners.Api;
using CapacityHub.Partners.Storage;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CapacityHub.Partners.Extensions;

public static class Extensions
{
    /// <summary>Shared service defaults plus what the Partners service itself needs.</summary>
    public static WebApplicationBuilder AddPartners(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults("partners", PartnerCollections.All);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrganisationRepository>();
        builder.Services.AddSingleton<IStoreUpgrade>(new StaleDocumentRewrite<StoredOrganisation>(
            PartnerCollections.Organisations, o => o.SearchText is null, d => OrganisationRepository.ToStored(d.Id, OrganisationRepository.ToResource(d).Value)));
        builder.Services.AddSingleton<AgreementRepository>();
        return builder;
    }

    public static WebApplication MapPartners(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<PartnerApi>();
        return app;
    }
}
