using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Common.V1;
using CapacityHub.Partners.Extensions;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.Extensions;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.TestSupport;
using CapacityHub.Trainings.Extensions;
using CapacityHub.Trainings.V1;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>
/// Trainings with the real Programmes and Partners services as separate hosts, all enforcing caller
/// tokens: Trainings' own service token must get it through, and their real rules decide.
/// </summary>
public sealed class TrainingsRealPeersTests : IAsyncLifetime
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(40, 32).Select(i => (byte)i).ToArray());
    private readonly CallerTokens tokens = new(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);
    private readonly Dictionary<string, string?> identity = new() { ["Identity:SigningKey"] = Key };
    private ServiceTestHost? programmes;
    private ServiceTestHost? partners;
    private ServiceTestHost? trainings;

    public async Task InitializeAsync()
    {
        programmes = await ServiceTestHost.StartAsync("programmes", b => b.AddProgrammes(), a => a.MapProgrammes(), "Testing", identity);
        partners = await ServiceTestHost.StartAsync("partners", b => b.AddPartners(), a => a.MapPartners(), "Testing", identity);
        trainings = await ServiceTestHost.StartAsync("trainings", b => b.AddTrainings(), a => a.MapTrainings(), "Testing", new Dictionary<string, string?>(identity)
        {
            ["Services:Programmes"] = programmes.Channel.Address.ToString(),
            ["Services:Partners"] = partners.Channel.Address.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { trainings, partners, programmes })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ScheduleAndNominateAreCheckedAgainstTheRealProgrammeAndPartners()
    {
        var admin = Options(Admin);
        var partnerClient = new PartnerService.PartnerServiceClient(partners!.Channel);
        var vncert = await partnerClient.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = Cert("VN-VNCERT", "VN"), RequestId = "vn" }, admin);
        var laocert = await partnerClient.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = Cert("LA-LAOCERT", "LA"), RequestId = "la" }, admin);
        var programmeClient = new ProgrammeService.ProgrammeServiceClient(programmes!.Channel);
        var programme = await programmeClient.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = Programme(vncert.Name), RequestId = "p" }, admin);
        await programmeClient.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = programme.Name, EffectiveDate = new Date { Year = 2026, Month = 1, Day = 5 } }, admin);
        var manager = Options(TrainingsTestHost.Manager with { ProgrammeIds = [programme.Name] });
        var trainingClient = new TrainingService.TrainingServiceClient(trainings!.Channel);
        var nominationClient = new NominationService.NominationServiceClient(trainings.Channel);

        var created = await trainingClient.CreateTrainingAsync(new CreateTrainingRequest { Training = NewTraining(programme.Name), RequestId = "t" }, manager);
        var outside = await Assert.ThrowsAsync<RpcException>(() => trainingClient.ScheduleTrainingAsync(
            new ScheduleTrainingRequest { Name = created.Name, SessionDays = { Day(2029, 2, 1, 9, 17) } }, manager).ResponseAsync);
        await trainingClient.ScheduleTrainingAsync(new ScheduleTrainingRequest { Name = created.Name, SessionDays = { Day(2027, 2, 1, 9, 17) } }, manager);
        var open = await trainingClient.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = created.Name }, manager);
        var vietnam = Options(VnPartner with { OrganisationId = vncert.Name });
        var laos = Options(VnPartner with { OrganisationId = laocert.Name, CountryCode = "LA" });
        var nominated = await nominationClient.NominateAsync(new NominateRequest { Parent = open.Name, Nomination = Person("thu@vncert.example", vncert.Name), RequestId = "n1" }, vietnam);
        var notInProgramme = await Assert.ThrowsAsync<RpcException>(() => nominationClient.NominateAsync(
            new NominateRequest { Parent = open.Name, Nomination = Person("som@laocert.example", laocert.Name, "LA"), RequestId = "n2" }, laos).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, outside.StatusCode);
        Assert.Contains("outside programme", outside.Detail, StringComparison.Ordinal);
        Assert.Equal(TrainingStatus.OpenForNomination, open.Status);
        Assert.Equal(V1.NominationStatus.Nominated, nominated.Status);
        Assert.Equal(StatusCode.FailedPrecondition, notInProgramme.StatusCode);
        Assert.Contains("does not participate", notInProgramme.Detail, StringComparison.Ordinal);
    }

    private CallOptions Options(CallerIdentity caller) => new(headers: new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(caller) } });

    private static Organisation Cert(string iati, string country) => new()
    {
        IatiIdentifier = iati,
        DisplayName = $"{country} Computer Emergency Response Team",
        Type = OrganisationType.Csirt,
        CountryCode = country,
        RegionGroups = { RegionGroup.Asean },
    };

    private static Programme Programme(string nominator) => new()
    {
        Code = "AJ-CYBER",
        IatiIdentifier = "XM-DAC-701-1-AJ-CYBER",
        Title = "ASEAN-Japan cybersecurity capacity building",
        PlannedPeriod = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } },
        Themes = { GfceTheme.CyberCultureAndSkills },
        RecipientCountries = { "VN", "LA" },
        ParticipatingOrganisations =
        {
            new ParticipatingOrganisation { Organisation = Jaif, Role = OrganisationRole.Funding },
            new ParticipatingOrganisation { Organisation = nominator, Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
        },
        FunderShares = { new FunderShare { Funder = Jaif, SharePercent = 100 } },
    };
}
