using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Domain;

/// <summary>Small builders for realistic trainings: an ICS course in Tokyo inside a 2026 programme.</summary>
internal static class TestData
{
    public static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static readonly Instant WindowOpens = Instant.FromUtc(2026, 1, 5, 0, 0);
    public static readonly Instant Deadline = Instant.FromUtc(2026, 2, 20, 0, 0);
    public static readonly Instant DuringWindow = Instant.FromUtc(2026, 1, 20, 3, 0);

    /// <summary>After the last day of <see cref="OpenTraining"/>: its register can be taken for every day.</summary>
    public static readonly Instant AfterTheTraining = Instant.FromUtc(2026, 3, 10, 0, 0);

    public static readonly ProgrammePeriod Programme2026 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), InImplementation: true);

    public static TrainingDefinition Definition(int seats = 3, int waitlist = 2, params Quota[] quotas) => new()
    {
        ProgrammeId = "programmes/jpus-ics",
        Title = "Industrial Control Systems Cybersecurity",
        Topics = ["ICS", "incident response"],
        Language = "en",
        Mode = TrainingMode.InPerson,
        Venue = new Venue("IPA Training Centre", "Tokyo", "JP", Tokyo),
        Seats = seats,
        WaitlistSize = waitlist,
        NominationWindow = new NominationWindow(WindowOpens, Deadline),
        Quotas = quotas,
    };

    public static SessionDay TokyoDay(string id, int day, string trainingId = "t-1", string room = "ipa-tokyo/hall-1", params string[] trainers) =>
        SessionDay.Plan(id, trainingId, new LocalDateTime(2026, 3, day, 9, 0), new LocalDateTime(2026, 3, day, 17, 0), Tokyo, room, trainers);

    /// <summary>A training with two session days (2 and 3 March 2026, Tokyo) that is open for nomination.</summary>
    public static Training OpenTraining(int seats = 3, int waitlist = 2, params Quota[] quotas)
    {
        var training = new Training("t-1", Definition(seats, waitlist, quotas));
        training.AddSessionDay(TokyoDay("d-1", 2), Programme2026);
        training.AddSessionDay(TokyoDay("d-2", 3), Programme2026);
        training.OpenNominations(DuringWindow, Programme2026);
        return training;
    }

    public static Participant Person(string id, string country = "VN", Sex sex = Sex.Female, string organisation = "organisations/vncert", string sector = "CERT") => new()
    {
        Id = id,
        Name = $"Participant {id}",
        Email = $"{id}@partner.example",
        OrganisationId = organisation,
        CountryCode = country,
        Sex = sex,
        Sector = sector,
        JobTitle = "Analyst",
    };
}
