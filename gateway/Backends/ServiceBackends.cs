using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Clients;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Backends;

/// <summary>
/// The three services as the gateway reaches them (<c>Services:Programmes</c>, <c>Services:Partners</c>,
/// <c>Services:Trainings</c>): one channel per service, spread over every pod address, and generated
/// clients whose calls act as the signed-in user of the current request. Channels come from
/// <see cref="ServiceChannels"/>, the settings every CapacityHub caller shares.
/// </summary>
public sealed class ServiceBackends : IDisposable
{
    private readonly List<ServiceChannel> channels = [];

    private readonly Dictionary<string, ServiceChannel> byOwner = new(StringComparer.Ordinal);

    public ServiceBackends(IConfiguration configuration, UserCallerInterceptor caller)
    {
        Programmes = Open(configuration, ServiceOwners.Programmes, caller);
        Partners = Open(configuration, ServiceOwners.Partners, caller);
        Trainings = Open(configuration, ServiceOwners.Trainings, caller);
        ProgrammeClient = new ProgrammeService.ProgrammeServiceClient(Programmes);
        PartnerClient = new PartnerService.PartnerServiceClient(Partners);
        TrainingClient = new TrainingService.TrainingServiceClient(Trainings);
        NominationClient = new NominationService.NominationServiceClient(Trainings);
        OutcomeReportClient = new OutcomeReportService.OutcomeReportServiceClient(Trainings);
        ImpactClient = new ImpactService.ImpactServiceClient(Trainings);
        NotificationClient = new NotificationService.NotificationServiceClient(Trainings);
    }

    /// <summary>Invokers per service, for calls made by method name (REST face, health).</summary>
    public CallInvoker Programmes { get; }

    public CallInvoker Partners { get; }

    public CallInvoker Trainings { get; }

    public ProgrammeService.ProgrammeServiceClient ProgrammeClient { get; }

    public PartnerService.PartnerServiceClient PartnerClient { get; }

    public TrainingService.TrainingServiceClient TrainingClient { get; }

    public NominationService.NominationServiceClient NominationClient { get; }

    public OutcomeReportService.OutcomeReportServiceClient OutcomeReportClient { get; }

    public ImpactService.ImpactServiceClient ImpactClient { get; }

    public NotificationService.NotificationServiceClient NotificationClient { get; }

    /// <summary>The invoker of the service that owns "package.Service/Method", or null when the gateway does not forward it.</summary>
    public CallInvoker? InvokerFor(string method) =>
        ServiceOwners.OwnerOf(method) is { } owner ? byOwner[owner].Invoker : null;

    /// <summary>Each service's standard health client, on its bare channel (health is anonymous).</summary>
    public IEnumerable<(string Service, Grpc.Health.V1.Health.HealthClient Health)> HealthClients() =>
        byOwner.Select(pair => (pair.Key, new Grpc.Health.V1.Health.HealthClient(pair.Value.Channel)));

    /// <summary>The configured address of a service, by its owner name (<see cref="ServiceOwners"/>).</summary>
    public static string AddressOf(IConfiguration configuration, string service)
    {
        var key = $"Services:{service}";
        var address = configuration[key];
        return string.IsNullOrWhiteSpace(address)
            ? throw new InvalidOperationException($"Configure {key} with the address of the {service} service (e.g. http://127.0.0.1:5101).")
            : address;
    }

    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
    }

    private CallInvoker Open(IConfiguration configuration, string service, UserCallerInterceptor caller)
    {
        var channel = ServiceChannels.Open(AddressOf(configuration, service), caller, new ServiceUnavailableInterceptor(service));
        channels.Add(channel);
        byOwner[service] = channel;
        return channel;
    }
}
