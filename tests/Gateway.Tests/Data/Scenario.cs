using System.Text;
using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Gateway.Tests.Data;

/// <summary>
/// One programme set up through the REST face, as its users would: an administrator registers a funder
/// and two partner agencies and the programme, a manager schedules a two-day training in Bangkok and
/// opens it, the Thai partner nominates six people by CSV, the manager approves and books them.
/// </summary>
public sealed class Scenario
{
    public static readonly CallerIdentity Admin = new("test-admin", "Admin", CallerRole.Administrator, null, null, []);

    public required Organisation Funder { get; init; }

    public required Organisation ThaiPartner { get; init; }

    public required Organisation MalaysianPartner { get; init; }

    public required Programme Programme { get; init; }

    public required Training Training { get; init; }

    public required IReadOnlyList<Nomination> Nominations { get; init; }

    public CallerIdentity Manager => new("test-manager", "Manager", CallerRole.ProgrammeManager, "mofa", "JP", [Id(Programme.Name)]);

    public CallerIdentity FunderUser => new("test-funder", "Funder", CallerRole.Funder, Id(Funder.Name), "JP", []);

    public CallerIdentity ThaiUser => new("test-partner-th", "Thai partner", CallerRole.PartnerAgency, Id(ThaiPartner.Name), "TH", []);

    public CallerIdentity MalaysianUser => new("test-partner-my", "Malaysian partner", CallerRole.PartnerAgency, Id(MalaysianPartner.Name), "MY", []);

    public static string Id(string name) => name[(name.IndexOf('/') + 1)..];

    public static Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    public static string NominationsCsv(string prefix, int count, int from = 1)
    {
        var csv = new StringBuilder("participant_id,display_name,email,country_code,sex,sector,job_title\n");
        for (var i = from; i < from + count; i++)
        {
            csv.Append($"{prefix}-{i},Person {prefix} {i},{prefix.ToLowerInvariant()}{i}@thaicert.example,TH,{(i % 2 == 0 ? "male" : "female")},CERT,Analyst\n");
        }

        return csv.ToString();
    }

    public static async Task<Scenario> CreateAsync(RunningSystem system)
    {
        var funder = await CreateOrganisationAsync(system, "Japan Cyber Fund", "JP", OrganisationType.Government, "XM-TEST-JCF");
        var thai = await CreateOrganisationAsync(system, "ThaiCERT", "TH", OrganisationType.Csirt, "TH-TEST-CERT");
        var malaysian = await CreateOrganisationAsync(system, "MyCERT", "MY", OrganisationType.Csirt, "MY-TEST-CERT");
        var created = await system.CallAsync<Programme>(HttpMethod.Post, $"/api/v1/programmes?requestId={Guid.NewGuid()}", Admin,
            NewProgramme(funder.Name, thai.Name, malaysian.Name));
        var programme = await system.CallAsync<Programme>(HttpMethod.Post, $"/api/v1/{created.Name}:startImplementation", Admin,
            new ChangeProgrammeStatusRequest { EffectiveDate = D(2026, 1, 5) });
        var scenario = new Scenario { Funder = funder, ThaiPartner = thai, MalaysianPartner = malaysian, Programme = programme, Training = null!, Nominations = [] };
        var manager = scenario.Manager;
        var now = DateTimeOffset.UtcNow;
        var training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/trainings?requestId={Guid.NewGuid()}", manager,
            new Training
            {
                Programme = programme.Name,
                Title = "Incident Response, Fundamentals; Hands-on",
                Topics = { "incident response", "forensics" },
                Language = "en",
                Mode = TrainingMode.InPerson,
                Venue = new Venue { DisplayName = "ETDA Training Centre", City = "Bangkok", CountryCode = "TH", TimeZone = "Asia/Bangkok" },
                Seats = 20,
                WaitlistSize = 5,
                NominationOpenTime = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
                NominationDeadline = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            });
        training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:schedule", manager, new ScheduleTrainingRequest
        {
            SessionDays = { Day(2027, 2, 1), Day(2027, 2, 2) },
        });
        training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:openNominations", manager, new ChangeTrainingStatusRequest());

        var (status, body) = await system.SendAsync(HttpMethod.Post, $"/api/v1/{training.Name}/nominations:import", scenario.ThaiUser,
            new StringContent(NominationsCsv("S", 6), Encoding.UTF8, "text/csv"));
        Assert.True(status == 200, $"scenario import answered {status}: {body}");
        var listed = await system.CallAsync<ListNominationsResponse>(HttpMethod.Get, $"/api/v1/{training.Name}/nominations", manager);
        var booked = new List<Nomination>();
        foreach (var nomination in listed.Nominations)
        {
            await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{nomination.Name}:approve", manager, new ChangeNominationStatusRequest());
            booked.Add(await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{nomination.Name}:book", manager, new ChangeNominationStatusRequest()));
        }

        return new Scenario { Funder = funder, ThaiPartner = thai, MalaysianPartner = malaysian, Programme = programme, Training = training, Nominations = booked };
    }

    private static SessionDay Day(int year, int month, int day) => new()
    {
        Date = D(year, month, day),
        StartTime = new TimeOfDay { Hours = 9 },
        EndTime = new TimeOfDay { Hours = 17 },
        Room = $"etda-bkk/room-{Guid.NewGuid():N}",
        Trainers = { $"trainers/{Guid.NewGuid():N}" },
    };

    public static Task<Organisation> CreateOrganisationAsync(RunningSystem system, string name, string country, OrganisationType type, string iati) =>
        system.CallAsync<Organisation>(HttpMethod.Post, $"/api/v1/organisations?requestId={Guid.NewGuid()}", Admin,
            new Organisation
            {
                DisplayName = name,
                Acronym = name.Split(' ')[0],
                IatiIdentifier = iati + "-" + Guid.NewGuid().ToString("N")[..6],
                Type = type,
                CountryCode = country,
                Status = OrganisationStatus.Active,
                Contacts = { new Contact { FullName = "Focal Point", Email = "focal@" + country.ToLowerInvariant() + ".example", Roles = { FocalPointRole.Primary } } },
            });

    public static Programme NewProgramme(string funder, string thai, string malaysian) => new()
    {
        Code = "TEST-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        IatiIdentifier = "XM-TEST-" + Guid.NewGuid().ToString("N")[..8],
        Managers = { "test-manager" },
        Title = "ASEAN incident response capacity & skills",
        Description = "Trains CERT staff of ASEAN member states in incident response.",
        PlannedPeriod = new DateRange { StartDate = D(2026, 1, 1), EndDate = D(2028, 12, 31) },
        Themes = { GfceTheme.IncidentManagementAndCiip, GfceTheme.CyberCultureAndSkills },
        RecipientCountries = { "TH", "MY" },
        ParticipatingOrganisations =
        {
            new ParticipatingOrganisation { Organisation = funder, Role = OrganisationRole.Funding },
            new ParticipatingOrganisation { Organisation = thai, Role = OrganisationRole.Implementing, LocalRoles = { LocalRole.NominatingAuthority, LocalRole.Host } },
            new ParticipatingOrganisation { Organisation = malaysian, Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
        },
        Budgets =
        {
            new Budget { Funder = funder, Period = new DateRange { StartDate = D(2027, 1, 1), EndDate = D(2027, 12, 31) }, Value = new Money { CurrencyCode = "JPY", Amount = "1200000" } },
        },
        FunderShares = { new FunderShare { Funder = funder, SharePercent = 100 } },
        Results =
        {
            new Result
            {
                Type = ResultType.Output,
                KirkpatrickLevel = KirkpatrickLevel.Learning,
                Title = "CERT staff trained",
                Indicators =
                {
                    new Indicator
                    {
                        Title = "Unique participants",
                        Measure = IndicatorMeasure.Unit,
                        Ascending = true,
                        Baseline = new Baseline { Year = 2026, Value = 0 },
                        Metric = ImpactMetric.UniqueParticipants,
                        Periods = { new IndicatorPeriod { Period = new DateRange { StartDate = D(2027, 1, 1), EndDate = D(2027, 12, 31) }, Target = 12 } },
                    },
                    new Indicator
                    {
                        Title = "Women among participants",
                        Measure = IndicatorMeasure.Percentage,
                        Ascending = true,
                        Baseline = new Baseline { Year = 2026, Value = 20 },
                        Metric = ImpactMetric.FemaleShare,
                        Periods = { new IndicatorPeriod { Period = new DateRange { StartDate = D(2027, 1, 1), EndDate = D(2027, 12, 31) }, Target = 50 } },
                    },
                },
            },
        },
    };
}
