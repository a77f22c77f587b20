using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>
/// Data of two partner agencies and a funder, entered through the gateway of the running system: an
/// administrator creates the organisations and a programme the funder funds, its manager opens a training,
/// each partner nominates its own participant and writes its own outcome report.
/// </summary>
public sealed class IsolationScenario
{
    private IsolationScenario(RunningSystem system) => System = system;

    public RunningSystem System { get; }

    public required CallerIdentity PartnerTh { get; init; }

    public required CallerIdentity PartnerMy { get; init; }

    public required CallerIdentity Funder { get; init; }

    public required CallerIdentity Manager { get; init; }

    public required string Programme { get; init; }

    public required string OtherProgramme { get; init; }

    public required string Training { get; init; }

    public required Nomination NominationTh { get; init; }

    public required Nomination NominationMy { get; init; }

    public required OutcomeReport ReportMy { get; init; }

    public NominationService.NominationServiceClient Nominations => new(System.Channel);

    public OutcomeReportService.OutcomeReportServiceClient Reports => new(System.Channel);

    public ImpactService.ImpactServiceClient Impact => new(System.Channel);

    public CallOptions As(CallerIdentity caller) => RunningSystem.As(System.TokenFor(caller));

    public static async Task<IsolationScenario> CreateAsync(RunningSystem system)
    {
        var admin = RunningSystem.As(await system.TokenAsync("admin"));
        var partners = new PartnerService.PartnerServiceClient(system.Channel);
        var thai = await partners.CreateOrganisationAsync(NewOrganisation("Isolation CERT Thailand", OrganisationType.Csirt, "TH"), admin);
        var malaysia = await partners.CreateOrganisationAsync(NewOrganisation("Isolation CERT Malaysia", OrganisationType.Csirt, "MY"), admin);
        var fund = await partners.CreateOrganisationAsync(NewOrganisation("Isolation Fund", OrganisationType.Government, "JP"), admin);
        var programmes = new ProgrammeService.ProgrammeServiceClient(system.Channel);
        var programme = await programmes.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = NewProgramme("ISO-A", fund.Name, thai.Name, malaysia.Name), RequestId = NewId() }, admin);
        var other = await programmes.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = NewProgramme("ISO-B", "organisations/someone-else", thai.Name, malaysia.Name), RequestId = NewId() }, admin);
        await programmes.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = programme.Name, EffectiveDate = new Date { Year = 2026, Month = 1, Day = 5 } }, admin);

        var manager = new CallerIdentity("iso-manager", "Isolation Manager", CallerRole.ProgrammeManager, null, "JP", [Id(programme.Name)]);
        var asManager = RunningSystem.As(system.TokenFor(manager));
        var trainings = new TrainingService.TrainingServiceClient(system.Channel);
        var training = await trainings.CreateTrainingAsync(new CreateTrainingRequest { Training = NewTraining(programme.Name), RequestId = NewId() }, asManager);
        var schedule = new ScheduleTrainingRequest { Name = training.Name };
        schedule.SessionDays.Add(new Trainings.V1.SessionDay
        {
            Date = new Date { Year = 2027, Month = 2, Day = 10 },
            StartTime = new Trainings.V1.TimeOfDay { Hours = 9 },
            EndTime = new Trainings.V1.TimeOfDay { Hours = 17 },
            Room = "room-" + NewId(),
        });
        await trainings.ScheduleTrainingAsync(schedule, asManager);
        await trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = training.Name }, asManager);

        var partnerTh = new CallerIdentity("iso-th", "Isolation TH", CallerRole.PartnerAgency, Id(thai.Name), "TH", []);
        var partnerMy = new CallerIdentity("iso-my", "Isolation MY", CallerRole.PartnerAgency, Id(malaysia.Name), "MY", []);
        var nominations = new NominationService.NominationServiceClient(system.Channel);
        var nominationTh = await nominations.NominateAsync(new NominateRequest { Parent = training.Name, Nomination = Person("somchai@th.example", thai.Name, "TH"), RequestId = NewId() }, RunningSystem.As(system.TokenFor(partnerTh)));
        var nominationMy = await nominations.NominateAsync(new NominateRequest { Parent = training.Name, Nomination = Person("aisyah@my.example", malaysia.Name, "MY"), RequestId = NewId() }, RunningSystem.As(system.TokenFor(partnerMy)));
        // Booked seats make the participants count in the impact figures (small cells to suppress).
        nominationTh = await BookAsync(nominations, nominationTh, asManager);
        nominationMy = await BookAsync(nominations, nominationMy, asManager);

        var reportMy = await new OutcomeReportService.OutcomeReportServiceClient(system.Channel).CreateOutcomeReportAsync(new CreateOutcomeReportRequest
        {
            OutcomeReport = new OutcomeReport
            {
                Programme = programme.Name,
                PartnerOrganisation = malaysia.Name,
                Period = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2026, Month = 6, Day = 30 } },
                DueDate = new Date { Year = 2099, Month = 7, Day = 31 },
                Narrative = "Malaysian national exercise held.",
            },
            RequestId = NewId(),
        }, RunningSystem.As(system.TokenFor(partnerMy)));

        return new IsolationScenario(system)
        {
            PartnerTh = partnerTh,
            PartnerMy = partnerMy,
            Funder = new CallerIdentity("iso-funder", "Isolation Funder", CallerRole.Funder, Id(fund.Name), "JP", []),
            Manager = manager,
            Programme = programme.Name,
            OtherProgramme = other.Name,
            Training = training.Name,
            NominationTh = nominationTh,
            NominationMy = nominationMy,
            ReportMy = reportMy,
        };
    }

    private static async Task<Nomination> BookAsync(NominationService.NominationServiceClient nominations, Nomination nomination, CallOptions manager)
    {
        var approved = await nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = nomination.Name }, manager);
        return await nominations.BookNominationAsync(new ChangeNominationStatusRequest { Name = nomination.Name, Etag = approved.Etag }, manager);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static string Id(string name) => name[(name.IndexOf('/') + 1)..];

    private static CreateOrganisationRequest NewOrganisation(string name, OrganisationType type, string country) => new()
    {
        RequestId = NewId(),
        Organisation = new Organisation { DisplayName = $"{name} {NewId()[..6]}", Type = type, CountryCode = country, RegionGroups = { RegionGroup.Asean } },
    };

    private static Programme NewProgramme(string code, string funder, string thai, string malaysia) => new()
    {
        Code = $"{code}-{NewId()[..6]}",
        Title = "Isolation test programme " + code,
        Managers = { "iso-manager" },
        PlannedPeriod = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } },
        Themes = { GfceTheme.CyberCultureAndSkills },
        RecipientCountries = { "TH", "MY" },
        ParticipatingOrganisations =
        {
            new ParticipatingOrganisation { Organisation = funder, Role = OrganisationRole.Funding },
            new ParticipatingOrganisation { Organisation = thai, Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
            new ParticipatingOrganisation { Organisation = malaysia, Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
        },
        FunderShares = { new FunderShare { Funder = funder, SharePercent = 100 } },
    };

    private static Training NewTraining(string programme) => new()
    {
        Programme = programme,
        Title = "Incident response fundamentals",
        Language = "en",
        Mode = TrainingMode.InPerson,
        Venue = new Venue { DisplayName = "Training Centre", City = "Tokyo", CountryCode = "JP", TimeZone = "Asia/Tokyo" },
        Seats = 20,
        WaitlistSize = 5,
        NominationOpenTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        NominationDeadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
    };

    private static Nomination Person(string email, string organisation, string country) => new()
    {
        NominatingOrganisation = organisation,
        Participant = new Participant
        {
            ParticipantId = email,
            DisplayName = email.Split('@')[0],
            Email = email,
            Organisation = organisation,
            CountryCode = country,
            Sex = Programmes.V1.Sex.Female,
            Sector = "CERT",
        },
    };
}
