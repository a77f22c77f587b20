using System.Net;
using System.Text;
using CapacityHub.Gateway.Tests.Data;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.Gateway.Tests.Data.Scenario;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>A manager's lists searched by the services, and a training's places filling by country against its quotas.</summary>
[Collection(RunningSystemCollection.Name)]
public sealed class ManagerPagesTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task TheProgrammeListIsSearchedByTheProgrammesService()
    {
        var (status, byCode) = await PageAsync($"/manager/programmes?query={S.Programme.Code.ToLowerInvariant()}");
        var (_, none) = await PageAsync("/manager/programmes?query=no-such-programme");

        Assert.True(status == 200, byCode);
        Assert.Contains(WebUtility.HtmlEncode(S.Programme.Title), byCode, StringComparison.Ordinal);
        Assert.Contains("No programme you manage matches", none, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(S.Programme.Title), none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTrainingPageShowsPlacesByCountryAgainstTheQuotasFromTheServicesCounters()
    {
        var now = DateTimeOffset.UtcNow;
        var training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/trainings?requestId={Guid.NewGuid()}", S.Manager, new Training
        {
            Programme = S.Programme.Name,
            Title = "Threat Hunting Clinic",
            Language = "en",
            Mode = TrainingMode.Online,
            Venue = new Venue { TimeZone = "Asia/Tokyo" },
            Seats = 10,
            WaitlistSize = 2,
            NominationOpenTime = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
            NominationDeadline = Timestamp.FromDateTimeOffset(now.AddDays(10)),
            Quotas =
            {
                new Quota { Scope = QuotaScope.Country, Key = "TH", Seats = 3 },
                new Quota { Scope = QuotaScope.Country, Key = "MY", Seats = 2 },
            },
        });
        await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:schedule", S.Manager, new ScheduleTrainingRequest
        {
            SessionDays = { new SessionDay { Date = D(2027, 5, 11), StartTime = new TimeOfDay { Hours = 10 }, EndTime = new TimeOfDay { Hours = 12 } } },
        });
        training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:openNominations", S.Manager, new ChangeTrainingStatusRequest());
        var (imported, body) = await system.SendAsync(HttpMethod.Post, $"/api/v1/{training.Name}/nominations:import", S.ThaiUser,
            new StringContent(NominationsCsv("Q", 2), Encoding.UTF8, "text/csv"));
        Assert.True(imported == 200, body);
        var listed = await system.CallAsync<ListNominationsResponse>(HttpMethod.Get, $"/api/v1/{training.Name}/nominations", S.Manager);
        await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{listed.Nominations[0].Name}:approve", S.Manager, new ChangeNominationStatusRequest());

        var (status, page) = await PageAsync($"/manager/trainings/{Id(training.Name)}");

        Assert.True(status == 200, page);
        var thailand = Row(page, "Thailand");
        Assert.Contains("2 of 3", thailand, StringComparison.Ordinal);
        Assert.Matches(@"data-label=""Holding seats"">\s*1\s*<", thailand);
        Assert.Contains($"/manager/nominations?training={Id(training.Name)}&amp;country=TH", thailand, StringComparison.Ordinal);
        var malaysia = Row(page, "Malaysia");
        Assert.Contains("0 of 2", malaysia, StringComparison.Ordinal);
        Assert.Matches(@"data-label=""Waiting"">\s*0\s*<", malaysia);
    }

    [Fact]
    public async Task SessionDaysShowRoomAndTrainerNamesNotTheirIds()
    {
        var training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/trainings?requestId={Guid.NewGuid()}", S.Manager, new Training
        {
            Programme = S.Programme.Name,
            Title = "Plant Network Hardening",
            Language = "en",
            Mode = TrainingMode.InPerson,
            Venue = new Venue { DisplayName = "ICSCoE", City = "Tokyo", CountryCode = "JP", TimeZone = "Asia/Tokyo" },
            Seats = 10,
            NominationOpenTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            NominationDeadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(10)),
        });
        var trainer = $"trainers/k-saito-{Guid.NewGuid():N}";
        var day = new SessionDay
        {
            Date = D(2027, 6, 14),
            StartTime = new TimeOfDay { Hours = 9 },
            EndTime = new TimeOfDay { Hours = 12 },
            Room = $"ipa-tokyo/hall-a-{Guid.NewGuid():N}",
            RoomDisplayName = "ICSCoE Training Hall A",
            Trainers = { trainer },
            TrainerDisplayNames = { [trainer] = "K. Saito (IPA)" },
        };
        await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:schedule", S.Manager, new ScheduleTrainingRequest { SessionDays = { day } });

        var (status, page) = await PageAsync($"/manager/trainings/{Id(training.Name)}");

        Assert.True(status == 200, page);
        var days = page[page.IndexOf("<ol class=\"days\">", StringComparison.Ordinal)..];
        days = days[..days.IndexOf("</ol>", StringComparison.Ordinal)];
        Assert.Contains("Room: ICSCoE Training Hall A", days, StringComparison.Ordinal);
        Assert.Contains("Trainers: K. Saito (IPA)", days, StringComparison.Ordinal);
        Assert.DoesNotContain(trainer, days, StringComparison.Ordinal);
        Assert.DoesNotContain(day.Room, days, StringComparison.Ordinal);
    }

    private async Task<(int Status, string Page)> PageAsync(string path) => await system.SendAsync(HttpMethod.Get, path, S.Manager);

    /// <summary>The row of the places-by-country table for one country.</summary>
    private static string Row(string page, string country)
    {
        var table = page[page.IndexOf("id=\"h-fill\"", StringComparison.Ordinal)..];
        var start = table.IndexOf($"data-label=\"Country\">{country}<", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {country}");
        return table[start..table.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
