using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.ServiceDefaults.Hosting;
using CapacityHub.Trainings.Api;
using CapacityHub.Trainings.Mail;
using CapacityHub.Trainings.Reminders;
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
        var services = builder.Services;
        services.AddServiceClient<ProgrammeService.ProgrammeServiceClient>(builder.Configuration, "Programmes", "trainings");
        services.AddServiceClient<PartnerService.PartnerServiceClient>(builder.Configuration, "Partners", "trainings");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ImpactAggregates>();
        services.AddSingleton<TrainingStore>();
        // Upgrades a store written by an earlier version before the server listens (logs when it does).
        services.AddHostedService<TrainingsSchema>();
        services.AddSingleton<IProgrammeMemberships, ProgrammeMembershipsClient>();
        services.AddSingleton<ProgrammeChecks>();
        services.AddSingleton<PartnerChecks>();
        services.AddSingleton<ICountryOrganisations>(sp => sp.GetRequiredService<PartnerChecks>());
        services.AddSingleton<TrainingsAccess>();
        services.AddSingleton<TrainingConflicts>();
        services.AddSingleton<QuotasLeft>();
        // T-B: outcome reports, impact change signal (watchers) and business counters.
        services.AddSingleton<ImpactChanges>();
        services.AddSingleton<TrainingsMetrics>();
        services.AddSingleton<OutcomeReportRepository>();
        // Inboxes, and e-mail to organisations' focal points when Notifications:Smtp:Host is set.
        var smtp = SmtpOptions.Of(builder.Configuration);
        services.AddSingleton(smtp);
        services.AddSingleton<NotificationRepository>();
        services.AddSingleton<MailRecipients>();
        services.AddSingleton<NotificationMailer>();
        if (smtp.IsConfigured)
        {
            services.AddHostedService(sp => sp.GetRequiredService<NotificationMailer>());
        }

        services.AddSingleton(ReminderOptions.Of(builder.Configuration));
        services.AddSingleton<NominatingOrganisations>();
        services.AddSingleton<Reminders.Reminders>();
        services.AddHostedService(sp => sp.GetRequiredService<Reminders.Reminders>());
        return builder;
    }

    public static WebApplication MapTrainings(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<TrainingApi>();
        app.MapGrpcService<NominationApi>();
        app.MapGrpcService<ImpactApi>();
        app.MapGrpcService<OutcomeReportApi>();
        app.MapGrpcService<NotificationApi>();
        return app;
    }
}
