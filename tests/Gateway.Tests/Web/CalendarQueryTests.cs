using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using NodaTime;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>The calendar's query string: defaults, refusals naming the parameter, and links that keep the filters.</summary>
public sealed class CalendarQueryTests
{
    private static readonly LocalDate Today = new(2026, 12, 5);

    [Fact]
    public void NoParametersMeanThisMonthUnfiltered()
    {
        var query = CalendarQuery.From(_ => "", Today);

        Assert.Equal(new CalendarQuery(CalendarView.Month, Today, "", "", "", ""), query);
        Assert.False(query.Filtered);
    }

    [Theory]
    [InlineData("date", "2027-02-30")]
    [InlineData("date", "10/02/2027")]
    [InlineData("view", "year")]
    [InlineData("country", "Thailand")]
    [InlineData("programme", "programmes/../x")]
    public void AValueThePageCannotHonourIsRefusedNamingItsParameter(string parameter, string value)
    {
        var refused = Assert.Throws<BadQueryParameterException>(() => CalendarQuery.From(key => key == parameter ? value : "", Today));

        Assert.Equal(parameter, refused.Parameter);
        Assert.Contains($"\"{parameter}\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksToOtherPeriodsKeepEveryFilterAndTheZone()
    {
        var values = new Dictionary<string, string> { ["view"] = "week", ["date"] = "2027-02-10", ["country"] = "th", ["trainer"] = "trainer kim", ["tz"] = "Asia/Tokyo" };
        var query = CalendarQuery.From(key => values.GetValueOrDefault(key, ""), Today);

        var next = query.Link(CalendarView.Week, new LocalDate(2027, 2, 15));

        Assert.Equal("/manager/calendar?view=week&date=2027-02-15&country=TH&trainer=trainer%20kim&tz=Asia%2FTokyo", next);
        Assert.True(query.Filtered);
    }
}
