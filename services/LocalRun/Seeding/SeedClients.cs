using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Clients;
using Grpc.Net.Client;
using CapacityHub.Trainings.V1;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>Generated clients for the three services over one channel each, with the settings every caller shares (ServiceChannels).</summary>
public sealed class SeedClients : IDisposable
{
    private readonly GrpcChannel partners;
    private readonly GrpcChannel programmes;
    private readonly GrpcChannel trainings;

    public SeedClients(string partnersAddress, string programmesAddress, string trainingsAddress)
    {
        (partners, var partnersInvoker) = ServiceChannels.Open(partnersAddress);
        (programmes, var programmesInvoker) = ServiceChannels.Open(programmesAddress);
        (trainings, var trainingsInvoker) = ServiceChannels.Open(trainingsAddress);
        Partners = new PartnerService.PartnerServiceClient(partnersInvoker);
        Programmes = new ProgrammeService.ProgrammeServiceClient(programmesInvoker);
        Trainings = new TrainingService.TrainingServiceClient(trainingsInvoker);
        Nominations = new NominationService.NominationServiceClient(trainingsInvoker);
        OutcomeReports = new OutcomeReportService.OutcomeReportServiceClient(trainingsInvoker);
        Impact = new ImpactService.ImpactServiceClient(trainingsInvoker);
    }

    public PartnerService.PartnerServiceClient Partners { get; }

    public ProgrammeService.ProgrammeServiceClient Programmes { get; }

    public TrainingService.TrainingServiceClient Trainings { get; }

    public NominationService.NominationServiceClient Nominations { get; }

    public OutcomeReportService.OutcomeReportServiceClient OutcomeReports { get; }

    public ImpactService.ImpactServiceClient Impact { get; }

    public void Dispose()
    {
        partners.Dispose();
        programmes.Dispose();
        trainings.Dispose();
    }
}
