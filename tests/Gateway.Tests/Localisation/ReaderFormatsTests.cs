using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NodaTime;
using Duration = NodaTime.Duration;

namespace CapacityHub.Gateway.Tests.Localisation;

/// <summary>Dates and clash warnings are written in the reader's language, with names rather than ids.</summary>
public sealed class ReaderFormatsTests
{
    // Wednesday 10 February 2027, 09:00 in Tokyo.
    private static readonly Instant TokyoMorning = Instant.FromUtc(2027, 2, 10, 0, 0);
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Theory]
    [InlineData("en", "Wed 10 Feb 2027 09:00")]
    [InlineData("en-GB", "Wed 10 Feb 2027 09:00")]
    [InlineData("ja", "2027年2月10日(水) 09:00")]
    [InlineData("th", "พ. 10 ก.พ. 2027 09:00")]
    public void ADateAndTimeReadsTheWayTheReadersLanguageWritesIt(string culture, string expected)
    {
        Assert.Equal(expected, InterfaceText.In(culture, () => ViewerZone.Format(TokyoMorning, Tokyo)));
    }

    [Theory]
    [InlineData("en", "TH", "Thailand")]
    [InlineData("ja", "TH", "タイ")]
    [InlineData("th", "JP", "ญี่ปุ่น")]
    [InlineData("ja", "XX", "XX")]
    public void ACountryIsNamedInTheReadersLanguage(string culture, string code, string expected)
    {
        Assert.Equal(expected, InterfaceText.In(culture, () => NameDirectory.Country(code)));
    }

    [Fact]
    public void AClashWarningNamesTheTrainerAndGivesBothDaysInTheVenuesAndTheReadersZoneInTheReadersLanguage()
    {
        var conflict = new ScheduleConflict
        {
            Resource = ConflictResource.Trainer,
            ResourceId = "trainers/k-saito",
            ResourceDisplayName = "K. Saito (IPA)",
            First = Day("ICS Security Fundamentals", TokyoMorning, "Asia/Tokyo"),
            Second = Day("Incident Handling", TokyoMorning + Duration.FromHours(2), "Asia/Tokyo"),
        };

        var english = InterfaceText.In("en", () => new ConflictText(InterfaceText.Localizer, London).Describe(conflict));
        var japanese = InterfaceText.In("ja", () => new ConflictText(InterfaceText.Localizer, Tokyo).Describe(conflict));
        var unnamed = InterfaceText.In("en", () => new ConflictText(InterfaceText.Localizer, Tokyo).Describe(new ScheduleConflict(conflict) { ResourceDisplayName = "" }));

        Assert.Equal(
            "Trainer K. Saito (IPA) is booked twice: “ICS Security Fundamentals”, Wed 10 Feb 2027 09:00–17:00 Asia/Tokyo (your time Wed 10 Feb 2027 00:00–08:00) "
            + "overlaps “Incident Handling”, Wed 10 Feb 2027 11:00–19:00 Asia/Tokyo (your time Wed 10 Feb 2027 02:00–10:00).",
            english);
        Assert.Equal(
            "講師 K. Saito (IPA) が二重に予約されています: 「ICS Security Fundamentals」2027年2月10日(水) 09:00–17:00 Asia/Tokyo が 「Incident Handling」2027年2月10日(水) 11:00–19:00 Asia/Tokyo と重なっています。",
            japanese);
        Assert.StartsWith("Trainer trainers/k-saito is booked twice", unnamed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "A CapacityHub service cannot be reached right now; nothing was changed. Try again in a moment. (Trainings is restarting)")]
    [InlineData("ja", "CapacityHub のサービスに現在接続できません。何も変更されていません。しばらくしてからもう一度お試しください。（Trainings is restarting）")]
    [InlineData("th", "ขณะนี้ไม่สามารถเชื่อมต่อบริการของ CapacityHub ได้ ไม่มีการเปลี่ยนแปลงใด ๆ โปรดลองอีกครั้งในอีกสักครู่ (Trainings is restarting)")]
    public void AServiceThatCannotBeReachedIsExplainedInTheReadersLanguageWithTheServicesOwnDetail(string culture, string expected)
    {
        var error = new RpcException(new Status(StatusCode.Unavailable, "Trainings is restarting"));

        Assert.Equal(expected, InterfaceText.In(culture, () => ServiceErrors.Describe(error, InterfaceText.Localizer)));
    }

    private static ConflictingDay Day(string title, Instant start, string zone) => new()
    {
        TrainingTitle = title,
        StartInstant = Timestamp.FromDateTimeOffset(start.ToDateTimeOffset()),
        EndInstant = Timestamp.FromDateTimeOffset((start + Duration.FromHours(8)).ToDateTimeOffset()),
        TimeZone = zone,
    };
}
