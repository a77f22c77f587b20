using CapacityHub.Common.V1;
using CapacityHub.LocalRun;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityHub.Benchmarks.GatewayHop;

/// <summary>
/// The one training both paths read: a funder organisation, its programme and a training in it, created
/// through the services' public APIs as an administrator, so GetTraining reads a real stored document.
/// </summary>
public static class TrainingUnderTest
{
    public static CallerIdentity Administrator { get; } = new("hop-admin", "Gateway-hop benchmark", CallerRole.Administrator, null, null, []);

    public static async Task<string> CreateAsync(LocalSystem system, CallerTokens tokens)
    {
        CallOptions AsAdmin() => new(new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(Administrator) } }, DateTime.UtcNow.AddSeconds(60));

        using var partners = ServiceChannels.Open(system["partners"].GrpcAddress);
        using var programmes = ServiceChannels.Open(system["programmes"].GrpcAddress);
        using var trainings = ServiceChannels.Open(system["trainings"].GrpcAddress);

        var funder = await new PartnerService.PartnerServiceClient(partners).CreateOrganisationAsync(new CreateOrganisationRequest
        {
            Organisation = new Organisation
            {
                IatiIdentifier = "JP-HOP-FUNDER",
                DisplayName = "Gateway-hop benchmark funder",
                Type = OrganisationType.Government,
                CountryCode = "JP",
                RegionGroups = { RegionGroup.Asean },
            },
            RequestId = "hop-funder",
        }, AsAdmin());

        var programme = await new ProgrammeService.ProgrammeServiceClient(programmes).CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new Programme
            {
                Code = "HOP-001",
                IatiIdentifier = "XM-DAC-701-1-HOP-001",
                Title = "Gateway-hop benchmark programme",
                PlannedPeriod = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } },
                Themes = { GfceTheme.CyberCultureAndSkills },
                RecipientCountries = { "TH" },
                ParticipatingOrganisations = { new ParticipatingOrganisation { Organisation = funder.Name, Role = OrganisationRole.Funding } },
                FunderShares = { new FunderShare { Funder = funder.Name, SharePercent = 100 } },
            },
            RequestId = "hop-programme",
        }, AsAdmin());

        var now = DateTimeOffset.UtcNow;
        var training = await new TrainingService.TrainingServiceClient(trainings).CreateTrainingAsync(new CreateTrainingRequest
        {
            Training = new Training
            {
                Programme = programme.Name,
                Title = "Incident response (gateway-hop benchmark)",
                Language = "en",
                Mode = TrainingMode.InPerson,
                Venue = new Venue { DisplayName = "Regional cyber training centre", City = "Bangkok", CountryCode = "TH", TimeZone = "Asia/Bangkok" },
                Seats = 30,
                NominationOpenTime = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
                NominationDeadline = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            },
            RequestId = "hop-training",
        }, AsAdmin());
        return training.Name;
    }
}
