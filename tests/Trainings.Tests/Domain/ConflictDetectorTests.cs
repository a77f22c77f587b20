using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Domain;

public class ConflictDetectorTests
{
    // 2 March 2026 09:00-17:00 Tokyo = 1 March 2026 19:00 to 2 March 03:00 in New York (EST, UTC-5).
    private static readonly SessionDay TokyoMonday = SessionDay.Plan("tokyo-1", "t-tokyo",
        new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 17, 0), TestData.Tokyo, "ipa/hall-1", ["trainer-ann"]);

    [Fact]
    public void TrainerInOverlappingDaysInDifferentZonesIsAConflict()
    {
        // 1 March 2026 20:00-22:00 New York = 2 March 10:00-12:00 Tokyo: overlaps although the local dates differ.
        var newYorkEvening = SessionDay.Plan("ny-1", "t-ny",
            new LocalDateTime(2026, 3, 1, 20, 0), new LocalDateTime(2026, 3, 1, 22, 0), TestData.NewYork, "cisa/room-2", ["trainer-ann"]);

        var conflicts = ConflictDetector.Find([new ScheduleEntry(newYorkEvening, "Incident Handling")], [new ScheduleEntry(TokyoMonday, "ICS Security")]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(ConflictResource.Trainer, conflict.Resource);
        Assert.Equal("trainer-ann", conflict.ResourceId);
        var text = conflict.Describe(TestData.London);
        Assert.Contains("2026-03-02 09:00 Asia/Tokyo (+09)", text);
        Assert.Contains("2026-03-01 20:00 America/New_York (-05)", text);
        Assert.Contains("your time: 2026-03-02 00:00 Europe/London", text);
    }

    [Fact]
    public void SameLocalTimesInDifferentZonesDoNotConflict()
    {
        // 09:00-17:00 in New York the same date is 23:00-07:00 Tokyo time: after the Tokyo day has ended.
        var newYorkDay = SessionDay.Plan("ny-1", "t-ny",
            new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 17, 0), TestData.NewYork, "cisa/room-2", ["trainer-ann"]);

        Assert.Empty(ConflictDetector.Find([new ScheduleEntry(newYorkDay, "Incident Handling")], [new ScheduleEntry(TokyoMonday, "ICS Security")]));
    }

    [Fact]
    public void SharedRoomIsAConflictButEmptyRoomsNeverAre()
    {
        var sameRoom = SessionDay.Plan("x", "t-x", new LocalDateTime(2026, 3, 2, 16, 0), new LocalDateTime(2026, 3, 2, 18, 0), TestData.Tokyo, "ipa/hall-1", []);
        var online = SessionDay.Plan("y", "t-y", new LocalDateTime(2026, 3, 2, 10, 0), new LocalDateTime(2026, 3, 2, 11, 0), TestData.Tokyo, "", []);
        var onlineToo = SessionDay.Plan("z", "t-z", new LocalDateTime(2026, 3, 2, 10, 0), new LocalDateTime(2026, 3, 2, 11, 0), TestData.Tokyo, "", []);

        var conflicts = ConflictDetector.Find([new ScheduleEntry(sameRoom, "Other"), new ScheduleEntry(online, "Webinar")], [new ScheduleEntry(TokyoMonday, "ICS"), new ScheduleEntry(onlineToo, "Webinar 2")]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(ConflictResource.Room, conflict.Resource);
        Assert.Equal("ipa/hall-1", conflict.ResourceId);
    }

    [Fact]
    public void ParticipantBookedInTwoOverlappingTrainingsIsAConflict()
    {
        var other = SessionDay.Plan("o", "t-o", new LocalDateTime(2026, 3, 2, 13, 0), new LocalDateTime(2026, 3, 2, 15, 0), TestData.Tokyo, "other/room", []);

        var conflicts = ConflictDetector.Find(
            [new ScheduleEntry(other, "Forensics", ["p-7", "p-8"])],
            [new ScheduleEntry(TokyoMonday, "ICS", ["p-1", "p-7"])]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(ConflictResource.Participant, conflict.Resource);
        Assert.Equal("p-7", conflict.ResourceId);
    }

    [Fact]
    public void AClashNamesTheTrainerRoomOrParticipantAsEitherDayNamesThemAndFallsBackToTheId()
    {
        // The stored day knows the trainer's and room's names; the day being typed gives ids only.
        var named = SessionDay.Plan("named", "t-named", new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 12, 0), TestData.Tokyo,
            "ipa/hall-1", ["trainer-ann", "trainer-bo"], roomName: "IPA Hall 1", trainerNames: new Dictionary<string, string> { ["trainer-ann"] = "Ann Saito (IPA)" });
        var typed = SessionDay.Plan("typed", "t-typed", new LocalDateTime(2026, 3, 2, 11, 0), new LocalDateTime(2026, 3, 2, 13, 0), TestData.Tokyo,
            "ipa/hall-1", ["trainer-ann", "trainer-bo"]);

        var conflicts = ConflictDetector.Find([new ScheduleEntry(typed, "New", ["p-7"])], [new ScheduleEntry(named, "ICS", ["p-7"])]);
        var byResource = conflicts.ToDictionary(c => (c.Resource, c.ResourceId));
        var participant = byResource[(ConflictResource.Participant, "p-7")];

        Assert.Equal(4, conflicts.Count);
        Assert.Equal("Ann Saito (IPA)", byResource[(ConflictResource.Trainer, "trainer-ann")].ResourceName);
        Assert.Equal("trainer-bo", byResource[(ConflictResource.Trainer, "trainer-bo")].ResourceName);
        Assert.Equal("IPA Hall 1", byResource[(ConflictResource.Room, "ipa/hall-1")].ResourceName);
        Assert.Equal("p-7", participant.ResourceName);
        Assert.Equal("Kim Lan", (participant with { ParticipantName = "Kim Lan" }).ResourceName);
        Assert.StartsWith("Trainer Ann Saito (IPA) <trainer-ann> is booked twice", byResource[(ConflictResource.Trainer, "trainer-ann")].Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void OldClashesBetweenStoredDaysAreNotReportedAndRescheduledDayDoesNotClashWithItself()
    {
        var storedClash = SessionDay.Plan("s", "t-s", new LocalDateTime(2026, 3, 2, 10, 0), new LocalDateTime(2026, 3, 2, 11, 0), TestData.Tokyo, "ipa/hall-1", []);
        var moved = TokyoMonday with { };

        var conflicts = ConflictDetector.Find([new ScheduleEntry(moved, "ICS")], [new ScheduleEntry(TokyoMonday, "ICS"), new ScheduleEntry(storedClash, "Other")]);

        // Only the clash of the proposed day with the other stored day, not with its own old version.
        var conflict = Assert.Single(conflicts);
        Assert.Equal("s", conflict.Second.Day.Id == "tokyo-1" ? conflict.First.Day.Id : conflict.Second.Day.Id);
        Assert.Empty(ConflictDetector.Find([], [new ScheduleEntry(TokyoMonday, "ICS"), new ScheduleEntry(storedClash, "Other")]));
    }

    [Fact]
    public void ManyDaysAreCheckedBySweepingNotPairwise()
    {
        // 20,000 back-to-back hour-long days for one trainer never overlap; one proposed day overlaps exactly two.
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var existing = Enumerable.Range(0, 20_000).Select(i => new ScheduleEntry(new SessionDay
        {
            Id = $"d{i}",
            TrainingId = "t",
            Start = start + Duration.FromHours(i),
            End = start + Duration.FromHours(i + 1),
            Zone = DateTimeZone.Utc,
            TrainerIds = ["trainer-busy"],
        }, "Long course")).ToList();
        var proposed = new SessionDay
        {
            Id = "new",
            TrainingId = "t2",
            Start = start + Duration.FromMinutes(150),
            End = start + Duration.FromMinutes(210),
            Zone = DateTimeZone.Utc,
            TrainerIds = ["trainer-busy"],
        };

        var conflicts = ConflictDetector.Find([new ScheduleEntry(proposed, "New")], existing);

        Assert.Equal(["d2", "d3"], conflicts.Select(c => c.First.Day.Id == "new" ? c.Second.Day.Id : c.First.Day.Id).Order());
    }
}
