using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.Trainings.V1;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>Generated clients for the three services over one channel each, with the settings every caller shares (ServiceChannels).</summary>
public sealed class SeedClients : IDisposable
{
    private readonly ServiceChannel partners;
    private readonly ServiceChannel programmes;
    private readonly ServiceChannel trainings;

    public SeedClients(string partnersAddress, string programmesAddress, string trainingsAddress)
    {
        partners = ServiceChannels.Open(partnersAddress);
        programmes = ServiceChannels.Open(programmesAddress);
        trainings = ServiceChannels.Open(trainingsAddress);
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
