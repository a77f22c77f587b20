using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Rpc;
using CapacityHub.Trainings.V1;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>Generated clients for the three services over one RpcChannel each.</summary>
public sealed class SeedClients : IDisposable
{
    private readonly RpcChannel partners;
    private readonly RpcChannel programmes;
    private readonly RpcChannel trainings;

    public SeedClients(string partnersAddress, string programmesAddress, string trainingsAddress)
    {
        partners = RpcChannel.ForAddress(partnersAddress);
        programmes = RpcChannel.ForAddress(programmesAddress);
        trainings = RpcChannel.ForAddress(trainingsAddress);
        Partners = new PartnerService.PartnerServiceClient(partners);
        Programmes = new ProgrammeService.ProgrammeServiceClient(programmes);
        Trainings = new TrainingService.TrainingServiceClient(trainings);
        Nominations = new NominationService.NominationServiceClient(trainings);
        OutcomeReports = new OutcomeReportService.OutcomeReportServiceClient(trainings);
        Impact = new ImpactService.ImpactServiceClient(trainings);
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
