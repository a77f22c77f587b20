using CapacityHub.Gateway.Tests.Localisation;
using CapacityHub.Gateway.Web.Pages.Partner;
using Google.Protobuf.WellKnownTypes;
using NodaTime;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>How soon a deadline closes and a report falls due, as the partner's home page words it.</summary>
public sealed class PartnerHomeDataTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 10, 12, 0);

    [Theory]
    [InlineData(-1, "closed")]
    [InlineData(5, "closes within a day")]
    [InlineData(30, "closes in 1 day")]
    [InlineData(24 * 9 + 1, "closes in 9 days")]
    public void ADeadlineSaysHowSoonItCloses(int hoursAhead, string expected) =>
        Assert.Equal(expected, InterfaceText.In("en", () => PartnerHomeData.Closing(Deadline(hoursAhead), Now, InterfaceText.Localizer)));

    [Theory]
    [InlineData(-3, "overdue by 3 days")]
    [InlineData(-1, "overdue by 1 day")]
    [InlineData(0, "due today")]
    [InlineData(1, "due tomorrow")]
    [InlineData(14, "due in 14 days")]
    public void AReportSaysHowSoonItIsDue(int daysAhead, string expected)
    {
        var today = new LocalDate(2027, 1, 10);
        var due = today.PlusDays(daysAhead);
        Assert.Equal(expected, InterfaceText.In("en", () => PartnerHomeData.Urgency(new Common.V1.Date { Year = due.Year, Month = due.Month, Day = due.Day }, today, InterfaceText.Localizer)));
    }

    [Fact]
    public void NoDueDateOrDeadlineIsSaid() =>
        Assert.Equal(("no due date", "no deadline set"), InterfaceText.In("en", () => (PartnerHomeData.Urgency(null, new LocalDate(2027, 1, 10), InterfaceText.Localizer), PartnerHomeData.Closing(null, Now, InterfaceText.Localizer))));

    [Theory]
    [InlineData("ja", 24 * 9 + 1, "締切まであと9日")]
    [InlineData("th", 24 * 9 + 1, "ปิดรับในอีก 9 วัน")]
    public void TheWordingFollowsTheReadersLanguage(string culture, int hoursAhead, string expected) =>
        Assert.Equal(expected, InterfaceText.In(culture, () => PartnerHomeData.Closing(Deadline(hoursAhead), Now, InterfaceText.Localizer)));

    private static Timestamp Deadline(int hoursAhead) => Timestamp.FromDateTimeOffset((Now + NodaTime.Duration.FromHours(hoursAhead)).ToDateTimeOffset());
}
