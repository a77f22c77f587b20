using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.TestSupport;
using CapacityHub.Trainings.Extensions;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>
/// The Trainings service as Program.cs wires it (real HTTP/2, temp SQLite, caller tokens enforced), with
/// fake Programmes and Partners servers it reaches over gRPC, and callers for every role.
/// </summary>
public sealed class TrainingsTestHost : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?>? settings;

    public TrainingsTestHost()
        : this(null)
    {
    }

    private TrainingsTestHost(IReadOnlyDictionary<string, string?>? settings) => this.settings = settings;

    /// <summary>A host with more configuration (e.g. an SMTP server for notifications).</summary>
    public static TrainingsTestHost With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    public const string Programme = "programmes/asean-japan";
    public const string OtherProgramme = "programmes/arf-ict";
    public const string PipelineProgramme = "programmes/pipeline";
    public const string VnCert = "organisations/vncert";
    public const string ThaiCert = "organisations/thaicert";
    public const string Outsider = "organisations/outsider";
    public const string Jaif = "organisations/jaif";

    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(11, 32).Select(i => (byte)i).ToArray());
    private readonly CallerTokens tokens = new(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);
    private ServiceTestHost? host;

    public static readonly CallerIdentity Manager = new("mgr-1", "Aiko Manager", CallerRole.ProgrammeManager, null, null, [Programme]);
    public static readonly CallerIdentity OtherManager = new("mgr-2", "Other Manager", CallerRole.ProgrammeManager, null, null, [OtherProgramme]);
    public static readonly CallerIdentity Admin = new("admin", "Admin", CallerRole.Administrator, null, null, []);
    public static readonly CallerIdentity VnPartner = new("vn-1", "VNCERT focal point", CallerRole.PartnerAgency, VnCert, "VN", []);
    public static readonly CallerIdentity ThaiPartner = new("th-1", "ThaiCERT focal point", CallerRole.PartnerAgency, ThaiCert, "TH", []);
    public static readonly CallerIdentity Funder = new("jaif-1", "JAIF officer", CallerRole.Funder, Jaif, "JP", []);

    public TrainingsTestPeers Peers { get; } = new();

    public TrainingService.TrainingServiceClient Trainings => new(host!.Channel);
    public NominationService.NominationServiceClient Nominations => new(host!.Channel);
    public ImpactService.ImpactServiceClient Impact => new(host!.Channel);
    public NotificationService.NotificationServiceClient Notifications => new(host!.Channel);
    public OutcomeReportService.OutcomeReportServiceClient Reports => new(host!.Channel);

    /// <summary>The service's own objects (background jobs run on demand in tests).</summary>
    public IServiceProvider Services => host!.Services;

    public async Task InitializeAsync()
    {
        var state = Peers.State;
        state.Programmes[Programme] = (ActivityStatus.Implementation, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), [VnCert, ThaiCert], [Jaif]);
        state.Programmes[OtherProgramme] = (ActivityStatus.Implementation, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), [VnCert], []);
        state.Programmes[PipelineProgramme] = (ActivityStatus.Pipeline, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), [VnCert], []);
        state.Organisations[VnCert] = new Organisation { Name = VnCert, Type = OrganisationType.Csirt, CountryCode = "VN", Status = OrganisationStatus.Active };
        state.Organisations[ThaiCert] = new Organisation { Name = ThaiCert, Type = OrganisationType.Government, CountryCode = "TH", Status = OrganisationStatus.Active };
        state.Organisations[Outsider] = new Organisation { Name = Outsider, Type = OrganisationType.Csirt, CountryCode = "LA", Status = OrganisationStatus.Active };
        await Peers.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Identity:SigningKey"] = Key,
            ["Services:Programmes"] = Peers.Address,
            ["Services:Partners"] = Peers.Address,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        host = await ServiceTestHost.StartAsync("trainings", b => b.AddTrainings(), a => a.MapTrainings(), "Testing", configuration);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await Peers.DisposeAsync();
    }

    public CallOptions As(CallerIdentity caller) => new(headers: new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(caller) } });

    public static Training NewTraining(string programme = Programme, int seats = 20, int waitlist = 5, string zone = "Asia/Tokyo", params Quota[] quotas)
    {
        var now = DateTimeOffset.UtcNow;
        var training = new Training
        {
            Programme = programme,
            Title = "ICS Security Fundamentals",
            Language = "en",
            Mode = TrainingMode.InPerson,
            Venue = new Venue { DisplayName = "JPCERT/CC Training Centre", City = "Tokyo", CountryCode = "JP", TimeZone = zone },
            Seats = seats,
            WaitlistSize = waitlist,
            NominationOpenTime = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
            NominationDeadline = Timestamp.FromDateTimeOffset(now.AddDays(30)),
        };
        training.Quotas.AddRange(quotas);
        return training;
    }

    public static V1.SessionDay Day(int year, int month, int day, int startHour, int endHour, string zone = "", string room = "", params string[] trainers)
    {
        var sessionDay = new V1.SessionDay
        {
            Date = new Common.V1.Date { Year = year, Month = month, Day = day },
            StartTime = new TimeOfDay { Hours = startHour },
            EndTime = new TimeOfDay { Hours = endHour },
            TimeZone = zone,
            Room = room,
        };
        sessionDay.Trainers.AddRange(trainers);
        return sessionDay;
    }

    public async Task<Training> CreateAsync(Training training, CallerIdentity? caller = null) =>
        await Trainings.CreateTrainingAsync(new CreateTrainingRequest { Training = training, RequestId = Guid.NewGuid().ToString() }, As(caller ?? Manager));

    /// <summary>A training in the programme, scheduled on one day next year and open for nomination.</summary>
    public async Task<Training> OpenTrainingAsync(Training training, params V1.SessionDay[] days)
    {
        var created = await CreateAsync(training);
        var request = new ScheduleTrainingRequest { Name = created.Name };
        request.SessionDays.AddRange(days.Length > 0 ? days : [Day(2027, 2, 10, 9, 17, room: $"room-{Guid.NewGuid():N}")]);
        await Trainings.ScheduleTrainingAsync(request, As(Manager));
        return await Trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = created.Name }, As(Manager));
    }

    public static Nomination Person(string email, string organisation = VnCert, string country = "VN", Programmes.V1.Sex sex = Programmes.V1.Sex.Female) => new()
    {
        NominatingOrganisation = organisation,
        Participant = new Participant
        {
            ParticipantId = email,
            DisplayName = email.Split('@')[0],
            Email = email,
            Organisation = organisation,
            CountryCode = country,
            Sex = sex,
            Sector = "CERT",
        },
    };

    public async Task<Nomination> NominateAsync(Training training, string email, CallerIdentity? caller = null, string organisation = VnCert, string country = "VN", string? requestId = null) =>
        await Nominations.NominateAsync(new NominateRequest
        {
            Parent = training.Name,
            Nomination = Person(email, organisation, country),
            RequestId = requestId ?? Guid.NewGuid().ToString(),
        }, As(caller ?? VnPartner));
}
