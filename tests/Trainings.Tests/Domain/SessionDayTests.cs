using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Domain;

public class SessionDayTests
{
    [Fact]
    public void TokyoLocalTimesBecomeUtcInstants()
    {
        var day = TestData.TokyoDay("d-1", 2);

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 0, 0), day.Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 8, 0), day.End);
        Assert.Equal(new LocalDate(2026, 3, 2), day.LocalDate);
    }

    [Fact]
    public void LocalTimeInSpringForwardGapIsRejectedWithAnExplanation()
    {
        // New York skips 02:00-03:00 on 8 March 2026.
        var error = Assert.Throws<DomainValidationException>(() => SessionDay.Plan("d", "t",
            new LocalDateTime(2026, 3, 8, 2, 30), new LocalDateTime(2026, 3, 8, 6, 0), TestData.NewYork, "", []));

        var field = Assert.Single(error.Errors);
        Assert.Equal("local_start", field.Field);
        Assert.Contains("does not exist in America/New_York", field.Description);
    }

    [Fact]
    public void AmbiguousFallBackTimeNeedsAnExplicitChoice()
    {
        // New York repeats 01:00-02:00 on 1 November 2026.
        var start = new LocalDateTime(2026, 11, 1, 1, 30);
        var end = new LocalDateTime(2026, 11, 1, 5, 0);

        var error = Assert.Throws<DomainValidationException>(() => SessionDay.Plan("d", "t", start, end, TestData.NewYork, "", []));
        Assert.Contains("occurs twice", error.Errors[0].Description);

        var earlier = SessionDay.Plan("d", "t", start, end, TestData.NewYork, "", [], OverlapChoice.Earlier);
        var later = SessionDay.Plan("d", "t", start, end, TestData.NewYork, "", [], OverlapChoice.Later);
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), earlier.Start); // EDT, UTC-4
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 6, 30), later.Start);   // EST, UTC-5
        // The day spans the extra hour: 01:30 EDT to 05:00 EST is 4.5 hours, not 3.5.
        Assert.Equal(Duration.FromMinutes(270), earlier.End - earlier.Start);
    }

    [Fact]
    public void EndBeforeStartAndOverlongDaysAreInvalid()
    {
        var backwards = Assert.Throws<DomainValidationException>(() => SessionDay.Plan("d", "t",
            new LocalDateTime(2026, 3, 2, 17, 0), new LocalDateTime(2026, 3, 2, 9, 0), TestData.Tokyo, "", []));
        Assert.Contains(backwards.Errors, e => e.Field == "local_end" && e.Description.Contains("after"));

        var tooLong = Assert.Throws<DomainValidationException>(() => SessionDay.Plan("d", "t",
            new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 3, 9, 0), TestData.Tokyo, "", []));
        Assert.Contains(tooLong.Errors, e => e.Description.Contains("at most 16 hours"));
    }

    [Fact]
    public void RepeatedTrainerIsInvalid()
    {
        var error = Assert.Throws<DomainValidationException>(() => SessionDay.Plan("d", "t",
            new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 12, 0), TestData.Tokyo, "", ["tr-1", "tr-1"]));
        Assert.Equal("trainer_ids", error.Errors.Single().Field);
    }

    [Fact]
    public void TouchingDaysDoNotOverlap()
    {
        var morning = SessionDay.Plan("a", "t", new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 12, 0), TestData.Tokyo, "", []);
        var afternoon = SessionDay.Plan("b", "t", new LocalDateTime(2026, 3, 2, 12, 0), new LocalDateTime(2026, 3, 2, 15, 0), TestData.Tokyo, "", []);
        var lunchOverlap = SessionDay.Plan("c", "t", new LocalDateTime(2026, 3, 2, 11, 59), new LocalDateTime(2026, 3, 2, 13, 0), TestData.Tokyo, "", []);

        Assert.False(morning.Overlaps(afternoon));
        Assert.True(morning.Overlaps(lunchOverlap));
        Assert.True(lunchOverlap.Overlaps(afternoon));
    }
}
