using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.Common.V1;
using CapacityHub.LocalRun;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Browser.Tests;

/// <summary>
/// What the browser tests work on, created through the services' gRPC APIs with caller tokens, as the
/// gateway's backends would: two partner agencies (Thailand, Malaysia), a JAIF-funded programme in
/// implementation, an open training in Tokyo, a confirmed one in Bangkok with six booked Thai
/// participants and their results, a Malaysian nomination waiting for the manager and a submitted report;
/// and, in a second programme with its own manager and funder (so the first programme's figures and the
/// JAIF funder's stay as they are), a completed Bangkok training in which one Thai and one Malaysian
/// participant hold issued certificates.
/// </summary>
public sealed class TestData : IDisposable
{
    public const string Funder = "organisations/jaif";
    public const string BusyTrainer = "trainer-sato";

    private readonly CallerTokens tokens;
    private readonly ServiceChannel programmesChannel;
    private readonly ServiceChannel partnersChannel;
    private readonly ServiceChannel trainingsChannel;

    private TestData(LocalSystem system, string callerKey)
    {
        tokens = new CallerTokens(new CallerTokenOptions { SigningKey = callerKey }, TimeProvider.System);
        programmesChannel = ServiceChannels.Open(system["programmes"].GrpcAddress);
        partnersChannel = ServiceChannels.Open(system["partners"].GrpcAddress);
        trainingsChannel = ServiceChannels.Open(system["trainings"].GrpcAddress);
    }

    public static readonly CallerIdentity Admin = new("test-admin", "Test administrator", CallerRole.Administrator, null, null, []);

    public CallerIdentity Manager { get; private set; } = null!;

    public CallerIdentity ThaiPartner { get; private set; } = null!;

    public CallerIdentity MalaysianPartner { get; private set; } = null!;

    public Programme Programme { get; private set; } = null!;

    /// <summary>A funder that is an organisation of the Partners service (JAIF is only named), so forms can offer it.</summary>
    public string FundingOrganisation { get; private set; } = "";

    public Training OpenTraining { get; private set; } = null!;

    /// <summary>The Bangkok training, confirmed and started so its register can be taken, with six booked participants.</summary>
    public Training RunningTraining { get; private set; } = null!;

    public IReadOnlyList<Nomination> Booked { get; private set; } = [];

    public Nomination WaitingNomination { get; private set; } = null!;

    public OutcomeReport SubmittedReport { get; private set; } = null!;

    /// <summary>The manager of the certificate course's programme only (not <see cref="Manager"/>'s).</summary>
    public CallerIdentity CertificateManager { get; private set; } = null!;

    public Training CompletedTraining { get; private set; } = null!;

    /// <summary>A Thai participant of <see cref="CompletedTraining"/> who completed it and holds an issued certificate.</summary>
    public Nomination ThaiCertified { get; private set; } = null!;

    /// <summary>A Malaysian participant of the same training with an issued certificate: never the Thai partner's to see.</summary>
    public Nomination MalaysianCertified { get; private set; } = null!;

    public NominationService.NominationServiceClient Nominations => new(trainingsChannel);

    public ProgrammeService.ProgrammeServiceClient Programmes => new(programmesChannel);

    public ImpactService.ImpactServiceClient Impact => new(trainingsChannel);

    public TrainingService.TrainingServiceClient Trainings => new(trainingsChannel);

    public OutcomeReportService.OutcomeReportServiceClient Reports => new(trainingsChannel);

    public CallOptions As(CallerIdentity caller) => new(headers: new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(caller) } });

    public static async Task<TestData> CreateAsync(LocalSystem system, string callerKey)
    {
        var data = new TestData(system, callerKey);
        await data.CreateAsync();
        return data;
    }

    public void Dispose()
    {
        programmesChannel.Dispose();
        partnersChannel.Dispose();
        trainingsChannel.Dispose();
    }

    private async Task CreateAsync()
    {
        var admin = As(Admin);
        var partners = new PartnerService.PartnerServiceClient(partnersChannel);
        var thai = await partners.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = Cert("TH-ETDA", "ETDA (ThaiCERT)", "TH"), RequestId = "org-th" }, admin);
        var malaysian = await partners.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = Cert("MY-CSM", "CyberSecurity Malaysia", "MY"), RequestId = "org-my" }, admin);
        var fund = await partners.CreateOrganisationAsync(new CreateOrganisationRequest { Organisation = new Organisation { IatiIdentifier = "XM-TEST-IPCF", DisplayName = "Indo-Pacific Cyber Fund", Type = OrganisationType.Foundation, CountryCode = "JP" }, RequestId = "org-fund" }, admin);
        FundingOrganisation = fund.Name;
        ThaiPartner = new CallerIdentity("test-partner-th", "Kanya Partner (ETDA, Thailand)", CallerRole.PartnerAgency, thai.Name["organisations/".Length..], "TH", []);
        MalaysianPartner = new CallerIdentity("test-partner-my", "Hafiz Partner (CyberSecurity Malaysia)", CallerRole.PartnerAgency, malaysian.Name["organisations/".Length..], "MY", []);

        var programmes = new ProgrammeService.ProgrammeServiceClient(programmesChannel);
        var programme = await programmes.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = NewProgramme(thai.Name, malaysian.Name), RequestId = "programme" }, admin);
        Programme = await programmes.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = programme.Name, EffectiveDate = new Date { Year = 2026, Month = 1, Day = 5 } }, admin);
        Manager = new CallerIdentity("test-manager", "Aiko Manager (programme manager)", CallerRole.ProgrammeManager, "mofa-jp", "JP", [programme.Name["programmes/".Length..]]);
        var manager = As(Manager);

        OpenTraining = await OpenAsync(NewTraining("ICS Security Fundamentals", "JPCERT/CC Training Centre", "Tokyo", "JP", "Asia/Tokyo"),
            Day(2027, 2, 10, 9, 17, "jpcert-tokyo/room-a", BusyTrainer), "open", manager);
        var bangkok = await OpenAsync(NewTraining("Incident Response Exercise", "ETDA Training Centre", "Bangkok", "TH", "Asia/Bangkok"),
            Day(2027, 3, 2, 9, 17, "etda-bangkok/room-1", "trainer-kim"), "bangkok", manager);

        var thaiPartner = As(ThaiPartner);
        var booked = new List<Nomination>();
        string[] names = ["Somchai Wong", "Kanokwan Sri", "Nattaporn Chai", "Pimchanok Dee", "Arthit Boon", "Suda Kaew"];
        for (var i = 0; i < names.Length; i++)
        {
            var nominated = await Nominations.NominateAsync(new NominateRequest
            {
                Parent = bangkok.Name,
                Nomination = Person(names[i], thai.Name, "TH", i % 2 == 0 ? Sex.Male : Sex.Female),
                RequestId = $"bkk-{i}",
            }, thaiPartner);
            var approved = await Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = nominated.Name }, manager);
            booked.Add(await Nominations.BookNominationAsync(new ChangeNominationStatusRequest { Name = approved.Name }, thaiPartner));
        }

        await Trainings.ConfirmTrainingAsync(new ChangeTrainingStatusRequest { Name = bangkok.Name }, manager);
        RunningTraining = await Trainings.StartTrainingAsync(new ChangeTrainingStatusRequest { Name = bangkok.Name }, manager);
        var day = RunningTraining.SessionDays[0].Name;
        var attendance = new BatchRecordAttendanceRequest { Parent = bangkok.Name };
        attendance.Entries.AddRange(booked.Select(n => new RecordAttendanceRequest { Name = n.Name, SessionDay = day, Present = true }));
        await Nominations.BatchRecordAttendanceAsync(attendance, thaiPartner);
        var scores = new BatchRecordAssessmentsRequest { Parent = bangkok.Name };
        for (var i = 0; i < booked.Count; i++)
        {
            scores.Entries.Add(new RecordAssessmentRequest { Name = booked[i].Name, Assessment = new Assessment { Kind = AssessmentKind.Pre, Score = 40 + i, Maximum = 100 } });
            scores.Entries.Add(new RecordAssessmentRequest { Name = booked[i].Name, Assessment = new Assessment { Kind = AssessmentKind.Post, Score = 70 + i, Maximum = 100 } });
        }

        await Nominations.BatchRecordAssessmentsAsync(scores, thaiPartner);
        Booked = booked;

        WaitingNomination = await Nominations.NominateAsync(new NominateRequest
        {
            Parent = OpenTraining.Name,
            Nomination = Person("Siti Rahman", malaysian.Name, "MY", Sex.Female),
            RequestId = "tokyo-my-1",
        }, As(MalaysianPartner));

        var report = await Reports.CreateOutcomeReportAsync(new CreateOutcomeReportRequest
        {
            OutcomeReport = new OutcomeReport
            {
                Programme = Programme.Name,
                PartnerOrganisation = malaysian.Name,
                Period = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2026, Month = 6, Day = 30 } },
                DueDate = new Date { Year = 2026, Month = 7, Day = 31 },
                Narrative = "MyCERT analysts trained in 2026 now lead incident triage for two ministries.",
            },
            RequestId = "report-my",
        }, As(MalaysianPartner));
        SubmittedReport = await Reports.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = report.Name, Etag = report.Etag, RequestId = "report-my-submit" }, As(MalaysianPartner));

        await CreateCompletedTrainingAsync(programmes, thai.Name, malaysian.Name);
    }

    /// <summary>
    /// The gRPC twin of the gateway tests' CompletedTraining: confirmed, started, attended, assessed, completed
    /// and certified, in a programme of its own so no figure of the first programme moves.
    /// </summary>
    private async Task CreateCompletedTrainingAsync(ProgrammeService.ProgrammeServiceClient programmes, string thai, string malaysian)
    {
        var admin = As(Admin);
        var definition = NewProgramme(thai, malaysian);
        definition.Code = "FORENSICS-CERT";
        definition.IatiIdentifier = "XM-TEST-FORENSICS-CERT";
        definition.Title = "Digital forensics certificate course";
        definition.Managers.Clear();
        definition.Managers.Add("test-manager-certificates");
        foreach (var organisation in definition.ParticipatingOrganisations.Where(o => o.Organisation == Funder))
        {
            organisation.Organisation = FundingOrganisation;
        }

        definition.Budgets.Clear();
        definition.FunderShares.Clear();
        definition.FunderShares.Add(new FunderShare { Funder = FundingOrganisation, SharePercent = 100 });
        var created = await programmes.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = definition, RequestId = "programme-certificates" }, admin);
        await programmes.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = created.Name, EffectiveDate = new Date { Year = 2026, Month = 1, Day = 5 } }, admin);
        CertificateManager = new CallerIdentity("test-manager-certificates", "Ren Manager (certificate course)", CallerRole.ProgrammeManager, "mofa-jp", "JP", [created.Name["programmes/".Length..]]);
        var manager = As(CertificateManager);

        var training = NewTraining("Digital Forensics Foundations", "ETDA Training Centre", "Bangkok", "TH", "Asia/Bangkok");
        training.Programme = created.Name;
        var opened = await OpenAsync(training, Day(2027, 4, 6, 9, 17, "etda-bangkok/room-2", "trainer-lee"), "forensics", manager);
        var people = new List<Nomination>();
        foreach (var (person, partner, key) in new[]
        {
            (Person("Wanida Thong", thai, "TH", Sex.Female), ThaiPartner, "forensics-th"),
            (Person("Nur Aisyah", malaysian, "MY", Sex.Female), MalaysianPartner, "forensics-my"),
        })
        {
            var nominated = await Nominations.NominateAsync(new NominateRequest { Parent = opened.Name, Nomination = person, RequestId = key }, As(partner));
            await Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = nominated.Name }, manager);
            people.Add(await Nominations.BookNominationAsync(new ChangeNominationStatusRequest { Name = nominated.Name }, manager));
        }

        await Trainings.ConfirmTrainingAsync(new ChangeTrainingStatusRequest { Name = opened.Name }, manager);
        var started = await Trainings.StartTrainingAsync(new ChangeTrainingStatusRequest { Name = opened.Name }, manager);
        var attendance = new BatchRecordAttendanceRequest { Parent = opened.Name };
        attendance.Entries.AddRange(people.Select(n => new RecordAttendanceRequest { Name = n.Name, SessionDay = started.SessionDays[0].Name, Present = true }));
        await Nominations.BatchRecordAttendanceAsync(attendance, manager);
        var scores = new BatchRecordAssessmentsRequest { Parent = opened.Name };
        foreach (var person in people)
        {
            foreach (var (kind, score) in new[] { (AssessmentKind.Pre, 40.0), (AssessmentKind.Post, 85.0), (AssessmentKind.Practical, 80.0) })
            {
                scores.Entries.Add(new RecordAssessmentRequest { Name = person.Name, Assessment = new Assessment { Kind = kind, Score = score, Maximum = 100 } });
            }
        }

        await Nominations.BatchRecordAssessmentsAsync(scores, manager);
        CompletedTraining = await Trainings.CompleteTrainingAsync(new ChangeTrainingStatusRequest { Name = opened.Name }, manager);
        foreach (var person in people)
        {
            await Nominations.IssueCertificateAsync(new IssueCertificateRequest { Name = person.Name }, manager);
        }

        ThaiCertified = await Nominations.GetNominationAsync(new GetNominationRequest { Name = people[0].Name }, manager);
        MalaysianCertified = await Nominations.GetNominationAsync(new GetNominationRequest { Name = people[1].Name }, manager);
    }

    private async Task<Training> OpenAsync(Training training, Trainings.V1.SessionDay day, string key, CallOptions manager)
    {
        var created = await Trainings.CreateTrainingAsync(new CreateTrainingRequest { Training = training, RequestId = key }, manager);
        await Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest { Name = created.Name, SessionDays = { day } }, manager);
        return await Trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = created.Name }, manager);
    }

    private static Organisation Cert(string iati, string name, string country) => new()
    {
        IatiIdentifier = iati,
        DisplayName = name,
        Type = OrganisationType.Csirt,
        CountryCode = country,
        RegionGroups = { RegionGroup.Asean },
    };

    private static Programme NewProgramme(string thai, string malaysian) => new()
    {
        Code = "AJ-CYBER",
        Managers = { "test-manager" },
        IatiIdentifier = "XM-DAC-701-1-AJ-CYBER",
        Title = "ASEAN-Japan cybersecurity capacity building",
        Description = "Trainings for national CERTs of ASEAN members, funded through the Japan-ASEAN Integration Fund.",
        PlannedPeriod = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } },
        Themes = { GfceTheme.IncidentManagementAndCiip },
        RecipientCountries = { "TH", "MY" },
        ParticipatingOrganisations =
        {
            new ParticipatingOrganisation { Organisation = Funder, Role = OrganisationRole.Funding },
            new ParticipatingOrganisation { Organisation = thai, Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority, LocalRole.Host } },
            new ParticipatingOrganisation { Organisation = malaysian, Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
        },
        Budgets = { new Budget { Funder = Funder, Period = new DateRange { StartDate = new Date { Year = 2027, Month = 1, Day = 1 }, EndDate = new Date { Year = 2027, Month = 12, Day = 31 } }, Value = new Money { CurrencyCode = "USD", Amount = "120000" } } },
        FunderShares = { new FunderShare { Funder = Funder, SharePercent = 100 } },
        Results =
        {
            new Result
            {
                ResultId = "r1",
                Type = ResultType.Output,
                KirkpatrickLevel = KirkpatrickLevel.Learning,
                Title = "CERT staff trained",
                Indicators =
                {
                    new Indicator
                    {
                        IndicatorId = "i1",
                        Title = "People trained",
                        Measure = IndicatorMeasure.Unit,
                        Ascending = true,
                        Baseline = new Baseline { Year = 2025, Value = 0 },
                        Metric = ImpactMetric.UniqueParticipants,
                        Periods = { new IndicatorPeriod { Period = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } }, Target = 40 } },
                    },
                },
            },
        },
    };

    private Training NewTraining(string title, string venue, string city, string country, string zone) => new()
    {
        Programme = Programme.Name,
        Title = title,
        Language = "en",
        Mode = TrainingMode.InPerson,
        Venue = new Venue { DisplayName = venue, City = city, CountryCode = country, TimeZone = zone },
        Seats = 20,
        WaitlistSize = 5,
        NominationOpenTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        NominationDeadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
    };

    private static Trainings.V1.SessionDay Day(int year, int month, int day, int start, int end, string room, string trainer) => new()
    {
        Date = new Date { Year = year, Month = month, Day = day },
        StartTime = new TimeOfDay { Hours = start },
        EndTime = new TimeOfDay { Hours = end },
        Room = room,
        Trainers = { trainer },
    };

    private static Nomination Person(string name, string organisation, string country, Sex sex)
    {
        var email = name.ToLowerInvariant().Replace(' ', '.') + "@example.org";
        return new Nomination
        {
            NominatingOrganisation = organisation,
            Participant = new Participant { ParticipantId = email, DisplayName = name, Email = email, Organisation = organisation, CountryCode = country, Sex = sex, Sector = "CERT", JobTitle = "Incident analyst" },
        };
    }
}
