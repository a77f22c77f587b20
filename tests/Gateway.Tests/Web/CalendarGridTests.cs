using CapacityHub.Gateway.Web.Manager;
using NodaTime;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>The calendar's date arithmetic: whole Monday-first weeks, periods, and the viewer's date of a start.</summary>
public sealed class CalendarGridTests
{
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

    [Fact]
    public void AMonthStartingOnSundayLeadsWithTheSixDaysBeforeItAndEndsOnASunday()
    {
        // August 2027 starts on a Sunday and ends on a Tuesday.
        var grid = CalendarGrid.For(CalendarView.Month, new LocalDate(2027, 8, 17));

        Assert.Equal(new LocalDate(2027, 8, 1), grid.First);
        Assert.Equal(new LocalDate(2027, 8, 31), grid.Last);
        Assert.Equal(6, grid.Weeks.Count);
        Assert.Equal(new LocalDate(2027, 7, 26), grid.Weeks[0][0]);
        Assert.Equal(new LocalDate(2027, 8, 1), grid.Weeks[0][6]);
        Assert.Equal(6, grid.Weeks[0].Count(d => !grid.InPeriod(d)));
        Assert.Equal(new LocalDate(2027, 9, 5), grid.Weeks[^1][6]);
        Assert.All(grid.Weeks, week =>
        {
            Assert.Equal(7, week.Count);
            Assert.Equal(IsoDayOfWeek.Monday, week[0].DayOfWeek);
        });
    }

    [Fact]
    public void AMonthStartingOnMondayWithTwentyEightDaysIsExactlyFourWeeks()
    {
        var grid = CalendarGrid.For(CalendarView.Month, new LocalDate(2027, 2, 10));

        Assert.Equal(4, grid.Weeks.Count);
        Assert.All(grid.Weeks.SelectMany(w => w), d => Assert.True(grid.InPeriod(d)));
        Assert.Equal(new LocalDate(2027, 1, 1), grid.Previous.With(DateAdjusters.StartOfMonth));
        Assert.Equal(new LocalDate(2027, 3, 1), grid.Next);
    }

    [Fact]
    public void TheWeekContainingADateStartsOnMondayAndPagesByWeeks()
    {
        // Sunday 14 February 2027 belongs to the week of Monday the 8th, not of Monday the 15th.
        var grid = CalendarGrid.For(CalendarView.Week, new LocalDate(2027, 2, 14));

        Assert.Equal(new LocalDate(2027, 2, 8), grid.First);
        Assert.Equal(new LocalDate(2027, 2, 14), grid.Last);
        var week = Assert.Single(grid.Weeks);
        Assert.Equal(Enumerable.Range(8, 7).Select(d => new LocalDate(2027, 2, d)), week);
        Assert.Equal(new LocalDate(2027, 2, 1), grid.Previous);
        Assert.Equal(new LocalDate(2027, 2, 15), grid.Next);
        Assert.Equal(new LocalDate(2027, 3, 1), CalendarGrid.WeekStart(new LocalDate(2027, 3, 1)));
        Assert.False(grid.InPeriod(new LocalDate(2027, 2, 15)));
    }

    [Fact]
    public void ASessionDayStartingAt2300UtcLandsOnTheNextDateForATokyoViewer()
    {
        var grid = CalendarGrid.For(CalendarView.Month, new LocalDate(2027, 2, 1));
        var lateUtc = Instant.FromUtc(2027, 2, 9, 23, 0);

        var byDate = grid.ByViewerDate([lateUtc], i => i, Tokyo);
        var inUtc = grid.ByViewerDate([lateUtc], i => i, DateTimeZone.Utc);

        Assert.Equal([new LocalDate(2027, 2, 10)], byDate.Select(g => g.Key));
        Assert.Equal([new LocalDate(2027, 2, 9)], inUtc.Select(g => g.Key));
    }

    [Fact]
    public void EachDateListsItsSessionsInStartOrderAndOnlyThePeriodsOwnDates()
    {
        var grid = CalendarGrid.For(CalendarView.Month, new LocalDate(2027, 8, 1));
        var afternoon = ("afternoon", Instant.FromUtc(2027, 8, 3, 5, 0));
        var morning = ("morning", Instant.FromUtc(2027, 8, 3, 0, 0));
        // 31 July in Tokyo: shown in the grid's first row, but it is July's session, listed on July's page.
        var july = ("july", Instant.FromUtc(2027, 7, 31, 1, 0));
        // 31 August 20:00 UTC is already 1 September in Tokyo: September's.
        var september = ("september", Instant.FromUtc(2027, 8, 31, 20, 0));

        var byDate = grid.ByViewerDate([afternoon, july, september, morning], s => s.Item2, Tokyo);

        Assert.Equal([new LocalDate(2027, 8, 3)], byDate.Select(g => g.Key));
        Assert.Equal(["morning", "afternoon"], byDate[new LocalDate(2027, 8, 3)].Select(s => s.Item1));
        Assert.Empty(byDate[new LocalDate(2027, 7, 31)]);
    }
}
