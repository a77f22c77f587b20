using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// The programme year of the scenario: next calendar year, so that nominations are still open whenever the
/// test runs. Tokyo and Bangkok are two hours apart, which the instants must show.
/// </summary>
internal static class ScenarioData
{
    public const string ProgrammeName = "programmes/e2e-year";
    public const string Funder = "e2e-funder";
    public const string ThaiCert = "e2e-th-cert";
    public const string MalaysianCert = "e2e-my-cert";

    public static int Year { get; } = DateTime.UtcNow.Year + 1;

    public static Date D(int month, int day) => new() { Year = Year, Month = month, Day = day };

    public static Organisation Organisation(string name, OrganisationType type, string country) => new()
    {
        DisplayName = name,
        Type = type,
        CountryCode = country,
        RegionGroups = { RegionGroup.Asean },
        Contacts = { new Contact { FullName = $"{name} focal point", Email = "focal@example.org", Roles = { FocalPointRole.Primary } } },
    };

    public static Programme YearProgramme() => new()
    {
        Code = "E2E-YEAR",
        Title = "End-to-end programme year",
        PlannedPeriod = new DateRange { StartDate = D(1, 1), EndDate = D(12, 31) },
        Themes = { GfceTheme.IncidentManagementAndCiip },
        RecipientCountries = { "TH", "MY" },
        ParticipatingOrganisations =
        {
            new ParticipatingOrganisation { Organisation = $"organisations/{Funder}", Role = OrganisationRole.Funding },
            new ParticipatingOrganisation { Organisation = "organisations/e2e-host", Role = OrganisationRole.Implementing, LocalRoles = { LocalRole.Host } },
            new ParticipatingOrganisation { Organisation = $"organisations/{ThaiCert}", Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
            new ParticipatingOrganisation
            {
                Organisation = $"organisations/{MalaysianCert}", Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority, LocalRole.Beneficiary },
            },
        },
        Results =
        {
            new Result
            {
                Type = ResultType.Output,
                KirkpatrickLevel = KirkpatrickLevel.Learning,
                Title = "Incident responders trained",
                Indicators =
                {
                    new Indicator
                    {
                        Title = "Participants trained",
                        Measure = IndicatorMeasure.Unit,
                        Ascending = true,
                        Metric = ImpactMetric.UniqueParticipants,
                        Periods = { new IndicatorPeriod { Period = new DateRange { StartDate = D(1, 1), EndDate = D(12, 31) }, Target = 10 } },
                    },
                },
            },
        },
    };

    /// <summary>Three seats, one waitlist place, at most two people from Thailand.</summary>
    public static Training Tokyo() => Training("Incident handling (Tokyo)", "Asia/Tokyo", "JP", seats: 3, waitlist: 1, deadline: D(3, 1),
        new Quota { Scope = QuotaScope.Country, Key = "TH", Seats = 2 }, new Quota { Scope = QuotaScope.Country, Key = "MY", Seats = 3 });

    public static Training Bangkok() => Training("Malware analysis (Bangkok)", "Asia/Bangkok", "TH", seats: 10, waitlist: 0, deadline: D(6, 1));

    public static SessionDay Day(Date date, int startHour, int endHour, string zone, string room, string trainer) => new()
    {
        Date = date,
        StartTime = new Trainings.V1.TimeOfDay { Hours = startHour },
        EndTime = new Trainings.V1.TimeOfDay { Hours = endHour },
        TimeZone = zone,
        Room = room,
        Trainers = { trainer },
    };

    public static Participant Person(string id, string name, string organisation, string country, Sex sex) => new()
    {
        ParticipantId = id,
        DisplayName = name,
        Email = $"{id}@{organisation}.example",
        Organisation = $"organisations/{organisation}",
        CountryCode = country,
        Sex = sex,
        Sector = "CERT",
        JobTitle = "Incident handler",
    };

    private static Training Training(string title, string zone, string country, int seats, int waitlist, Date deadline, params Quota[] quotas)
    {
        var training = new Training
        {
            Programme = ProgrammeName,
            Title = title,
            Language = "en",
            Mode = TrainingMode.InPerson,
            Venue = new Venue { DisplayName = title, CountryCode = country, TimeZone = zone },
            Seats = seats,
            WaitlistSize = waitlist,
            NominationOpenTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-1)),
            NominationDeadline = Timestamp.FromDateTime(new DateTime(deadline.Year, deadline.Month, deadline.Day, 0, 0, 0, DateTimeKind.Utc)),
        };
        training.Quotas.AddRange(quotas);
        return training;
    }
}
