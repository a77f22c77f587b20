using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Rpc;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Backends;

/// <summary>
/// The three services as the gateway reaches them (<c>Services:Programmes</c>, <c>Services:Partners</c>,
/// <c>Services:Trainings</c>): one channel per service, spread over every pod address, and generated
/// clients whose calls act as the signed-in user of the current request.
/// </summary>
public sealed class ServiceBackends : IDisposable
{
    public ServiceBackends(IConfiguration configuration, UserCallerInterceptor caller)
    {
        Programmes = Open(configuration, "Programmes", caller);
        Partners = Open(configuration, "Partners", caller);
        Trainings = Open(configuration, "Trainings", caller);
        ProgrammeClient = new ProgrammeService.ProgrammeServiceClient(Programmes);
        PartnerClient = new PartnerService.PartnerServiceClient(Partners);
        TrainingClient = new TrainingService.TrainingServiceClient(Trainings);
        NominationClient = new NominationService.NominationServiceClient(Trainings);
        OutcomeReportClient = new OutcomeReportService.OutcomeReportServiceClient(Trainings);
        ImpactClient = new ImpactService.ImpactServiceClient(Trainings);
    }

    /// <summary>Raw channels, for forwarding calls whose caller token is set by the forwarder itself.</summary>
    public RpcChannel Programmes { get; }

    public RpcChannel Partners { get; }

    public RpcChannel Trainings { get; }

    public ProgrammeService.ProgrammeServiceClient ProgrammeClient { get; }

    public PartnerService.PartnerServiceClient PartnerClient { get; }

    public TrainingService.TrainingServiceClient TrainingClient { get; }

    public NominationService.NominationServiceClient NominationClient { get; }

    public OutcomeReportService.OutcomeReportServiceClient OutcomeReportClient { get; }

    public ImpactService.ImpactServiceClient ImpactClient { get; }

    public void Dispose()
    {
        Programmes.Dispose();
        Partners.Dispose();
        Trainings.Dispose();
    }

    private static RpcChannel Open(IConfiguration configuration, string service, UserCallerInterceptor caller)
    {
        var key = $"Services:{service}";
        var address = configuration[key];
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new InvalidOperationException($"Configure {key} with the address of the {service} service (e.g. http://127.0.0.1:5101).");
        }

        var options = new RpcChannelOptions { SpreadAcrossAddresses = true };
        options.Interceptors.Add(caller);
        return RpcChannel.ForAddress(address, options);
    }
}
