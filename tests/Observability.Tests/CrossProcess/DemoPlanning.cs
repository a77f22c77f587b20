using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Observability.Tests.CrossProcess;

/// <summary>
/// What a programme manager does before a training can be scheduled, through the gateway's public gRPC
/// face as the demo administrator: an agency, a programme in implementation, a draft training.
/// </summary>
internal sealed class DemoPlanning(ServiceChannel gateway, string bearerToken)
{
    public CallOptions Options(Metadata? extra = null)
    {
        var headers = new Metadata { { "authorization", "Bearer " + bearerToken } };
        foreach (var entry in extra ?? new Metadata())
        {
            headers.Add(entry);
        }

        return new CallOptions(headers: headers);
    }

    /// <summary>A new draft training (its resource name) in a new programme; names are unique per call.</summary>
    public async Task<string> DraftTrainingAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var agency = await new PartnerService.PartnerServiceClient(gateway).CreateOrganisationAsync(
            new CreateOrganisationRequest
            {
                Organisation = new Organisation
                {
                    IatiIdentifier = "VN-CERT" + suffix,
                    DisplayName = "Viet Nam Computer Emergency Response Team",
                    Type = OrganisationType.Csirt,
                    CountryCode = "VN",
                    RegionGroups = { RegionGroup.Asean },
                },
                RequestId = "org-" + suffix,
            },
            Options());
        var programmes = new ProgrammeService.ProgrammeServiceClient(gateway);
        var programme = await programmes.CreateProgrammeAsync(
            new CreateProgrammeRequest { Programme = Programme(suffix, agency.Name), RequestId = "programme-" + suffix },
            Options());
        await programmes.StartImplementationAsync(
            new ChangeProgrammeStatusRequest { Name = programme.Name, EffectiveDate = new Date { Year = 2026, Month = 1, Day = 5 } },
            Options());
        var training = await new TrainingService.TrainingServiceClient(gateway).CreateTrainingAsync(
            new CreateTrainingRequest { Training = Training(programme.Name), RequestId = "training-" + suffix },
            Options());
        return training.Name;
    }

    public static ScheduleTrainingRequest Schedule(string training) => new()
    {
        Name = training,
        SessionDays =
        {
            new SessionDay
            {
                Date = new Date { Year = 2027, Month = 2, Day = 1 },
                StartTime = new TimeOfDay { Hours = 9 },
                EndTime = new TimeOfDay { Hours = 17 },
            },
        },
    };

    private static Programme Programme(string suffix, string nominatingAgency) => new()
    {
        Code = "AJ-" + suffix,
        IatiIdentifier = "XM-DAC-701-1-AJ-" + suffix,
        Title = "ASEAN-Japan cybersecurity capacity building",
        PlannedPeriod = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } },
        Themes = { GfceTheme.CyberCultureAndSkills },
        RecipientCountries = { "VN" },
        ParticipatingOrganisations =
        {
            new ParticipatingOrganisation { Organisation = "organisations/jaif", Role = OrganisationRole.Funding },
            new ParticipatingOrganisation { Organisation = nominatingAgency, Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
        },
        FunderShares = { new FunderShare { Funder = "organisations/jaif", SharePercent = 100 } },
    };

    private static Training Training(string programme) => new()
    {
        Programme = programme,
        Title = "ICS Security Fundamentals",
        Language = "en",
        Mode = TrainingMode.InPerson,
        Venue = new Venue { DisplayName = "JPCERT/CC Training Centre", City = "Tokyo", CountryCode = "JP", TimeZone = "Asia/Tokyo" },
        Seats = 20,
        WaitlistSize = 5,
        NominationOpenTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        NominationDeadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
    };
}
