using System.Net;
using System.Text.RegularExpressions;
using CapacityHub.Gateway.Tests.Data;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.Gateway.Tests.Data.Scenario;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>
/// The training calendar against the real services: the scenario's Bangkok training (1 and 2 February
/// 2027, 09:00–17:00 Bangkok, which is 02:00–10:00 UTC) lands in the cells of the viewer's dates.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class CalendarPageTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task TheMonthGridShowsATrainingInTheCellOfItsDateWithVenueAndViewerTimes()
    {
        var page = await PageAsync("/manager/calendar?date=2027-02-10&tz=Asia/Tokyo");

        Assert.Contains("<caption>February 2027</caption>", page, StringComparison.Ordinal);
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], Headers(page));
        // February 2027 starts on a Monday and has 28 days: four whole weeks, no dimmed days.
        Assert.Equal(28, Regex.Count(page, "<td[ >]"));
        var first = Cell(page, "2027-02-01");
        Assert.Contains(S.Training.Title, first, StringComparison.Ordinal);
        Assert.Contains($"/manager/trainings/{Id(S.Training.Name)}", first, StringComparison.Ordinal);
        Assert.Contains("Bangkok", first, StringComparison.Ordinal);
        Assert.Contains("Mon 1 Feb 2027 09:00–17:00 Asia/Bangkok (UTC+07)", Text(first), StringComparison.Ordinal);
        Assert.Contains("Mon 1 Feb 2027 11:00–19:00 Asia/Tokyo (UTC+09)", Text(first), StringComparison.Ordinal);
        Assert.Contains(S.Training.Title, Cell(page, "2027-02-02"), StringComparison.Ordinal);
        Assert.DoesNotContain(S.Training.Title, Cell(page, "2027-02-03"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewerWestOfUtcSeesTheBangkokMorningOnTheEveningBefore()
    {
        var page = await PageAsync("/manager/calendar?date=2027-01-20&tz=America/Los_Angeles");

        Assert.Contains("<caption>January 2027</caption>", page, StringComparison.Ordinal);
        var eve = Cell(page, "2027-01-31");
        Assert.Contains(S.Training.Title, eve, StringComparison.Ordinal);
        Assert.Contains("Sun 31 Jan 2027 18:00–02:00 America/Los_Angeles (UTC-08)", Text(eve), StringComparison.Ordinal);
        // January 2027 starts on a Friday: the row starts with December's last four days, dimmed; it ends on Sunday the 31st.
        Assert.Contains("<td class=\"outside empty\"><time class=\"cal-date\" datetime=\"2026-12-28\">", page, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(page, "<td class=\"outside"));
        Assert.DoesNotContain("datetime=\"2027-02-01\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWeekGridHasSevenDatedColumnsFromMondayAndPagesByWeek()
    {
        var page = await PageAsync("/manager/calendar?view=week&date=2027-02-03&tz=Europe/London");

        Assert.Contains("<caption>Mon 1 Feb – Sun 7 Feb 2027</caption>", page, StringComparison.Ordinal);
        Assert.Equal(["Mon 1 Feb", "Tue 2 Feb", "Wed 3 Feb", "Thu 4 Feb", "Fri 5 Feb", "Sat 6 Feb", "Sun 7 Feb"], Headers(page));
        Assert.Equal(7, Regex.Count(page, "<td[ >]"));
        Assert.Contains("Mon 1 Feb 2027 02:00–10:00 Europe/London (UTC+00)", Text(Cell(page, "2027-02-01")), StringComparison.Ordinal);
        Assert.Contains(S.Training.Title, Cell(page, "2027-02-02"), StringComparison.Ordinal);
        Assert.Contains("href=\"/manager/calendar?view=week&date=2027-01-25&tz=Europe%2FLondon\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/manager/calendar?view=week&date=2027-02-08&tz=Europe%2FLondon\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilteringByVenueCountryShowsOnlyThatCountrysTrainingsAndKeepsTheFilterInLinks()
    {
        var tokyo = await TokyoTrainingAsync();

        var all = await PageAsync("/manager/calendar?date=2027-02-10&tz=Asia/Tokyo");
        var japan = await PageAsync("/manager/calendar?date=2027-02-10&tz=Asia/Tokyo&country=jp");
        var thailand = await PageAsync("/manager/calendar?date=2027-02-10&tz=Asia/Tokyo&country=TH");

        Assert.Contains(tokyo.Title, Cell(all, "2027-02-03"), StringComparison.Ordinal);
        Assert.Contains(S.Training.Title, Cell(all, "2027-02-01"), StringComparison.Ordinal);
        Assert.Contains("<option value=\"JP\">Japan</option>", all, StringComparison.Ordinal);
        Assert.Contains(tokyo.Title, Cell(japan, "2027-02-03"), StringComparison.Ordinal);
        Assert.DoesNotContain(S.Training.Title, japan, StringComparison.Ordinal);
        Assert.Contains("<option value=\"JP\" selected>Japan</option>", japan, StringComparison.Ordinal);
        Assert.Contains("href=\"/manager/calendar?view=month&date=2027-03-01&country=JP&tz=Asia%2FTokyo\"", japan, StringComparison.Ordinal);
        Assert.Contains(S.Training.Title, thailand, StringComparison.Ordinal);
        Assert.DoesNotContain(tokyo.Title, thailand, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilteringByTrainerAndProgrammeNarrowsTheSessionDays()
    {
        var trainer = S.Training.SessionDays[0].Trainers[0];

        var byTrainer = await PageAsync($"/manager/calendar?date=2027-02-10&tz=Asia/Bangkok&trainer={Uri.EscapeDataString(trainer)}");
        var byProgramme = await PageAsync($"/manager/calendar?date=2027-02-10&tz=Asia/Bangkok&programme={Id(S.Programme.Name)}");

        Assert.Contains(S.Training.Title, Cell(byTrainer, "2027-02-01"), StringComparison.Ordinal);
        Assert.DoesNotContain(S.Training.Title, Cell(byTrainer, "2027-02-02"), StringComparison.Ordinal);
        Assert.Contains(S.Training.Title, Cell(byProgramme, "2027-02-02"), StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{Id(S.Programme.Name)}\" selected>", byProgramme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutADateTheCalendarShowsThisMonthWithTodayMarked()
    {
        var now = DateTime.UtcNow;
        var today = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await PageAsync("/manager/calendar?tz=UTC");

        Assert.Contains($"<caption>{now.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}</caption>", page, StringComparison.Ordinal);
        Assert.Matches($"<td[^>]* aria-current=\"date\"><time class=\"cal-date\" datetime=\"{today}\">", page);
        Assert.Single(Regex.Matches(page, "aria-current=\"date\""));
        Assert.Contains("(today)", Cell(page, today), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APeriodWithoutSessionDaysSaysSoAndLinksToScheduling()
    {
        var page = await PageAsync("/manager/calendar?date=2030-06-12");

        Assert.Contains("No session days in June 2030 are scheduled.", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/manager/schedule\">Schedule a training</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"day\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachDayLinksToSchedulingATrainingOnThatDayInTheFilteredProgramme()
    {
        var programme = Id(S.Programme.Name);

        var all = await PageAsync("/manager/calendar?date=2027-02-10&tz=Asia/Tokyo");
        var filtered = await PageAsync($"/manager/calendar?view=week&date=2027-02-10&tz=Asia/Tokyo&programme={programme}");

        Assert.Contains("<a class=\"cal-schedule\" href=\"/manager/schedule?start=2027-02-10\" aria-label=\"Schedule a training on Wednesday 10 February 2027\">", Cell(all, "2027-02-10"), StringComparison.Ordinal);
        Assert.Contains("href=\"/manager/schedule?start=2027-02-28\"", Cell(all, "2027-02-28"), StringComparison.Ordinal);
        Assert.Equal(28, Regex.Count(all, "class=\"cal-schedule\""));
        Assert.Contains($"href=\"/manager/schedule?start=2027-02-14&programme={programme}\"", Cell(filtered, "2027-02-14"), StringComparison.Ordinal);
        Assert.Equal(7, Regex.Count(filtered, $"href=\"/manager/schedule\\?start=2027-02-[0-9]{{2}}&programme={programme}\""));
    }

    [Fact]
    public async Task ChoosingAnotherZoneKeepsTheViewTheDateAndTheFilters()
    {
        var programme = Id(S.Programme.Name);
        var trainer = S.Training.SessionDays[0].Trainers[0];
        var page = await PageAsync($"/manager/calendar?view=week&date=2027-02-03&tz=Asia/Tokyo&country=TH&programme={programme}&trainer={Uri.EscapeDataString(trainer)}");

        // The zone picker is the form with the zone's text field; what it sends besides the zone is in hidden inputs.
        var picker = page.Split("<form").Single(f => f.Contains("id=\"f-tz\"", StringComparison.Ordinal));
        picker = picker[..picker.IndexOf("</form>", StringComparison.Ordinal)];
        var kept = Regex.Matches(picker, "<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")
            .Select(m => (m.Groups["name"].Value, m.Groups["value"].Value)).ToList();
        Assert.Equal([("view", "week"), ("date", "2027-02-03"), ("programme", programme), ("country", "TH"), ("trainer", trainer)], kept);
        Assert.DoesNotContain("type=\"hidden\" name=\"tz\"", picker, StringComparison.Ordinal);

        // Submitting it as a browser would (a GET of its fields) with another zone: same week, same filters, new zone.
        var query = string.Join('&', kept.Append(("tz", "Europe/London")).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
        var london = await PageAsync("/manager/calendar?" + query);
        Assert.Contains("<caption>Mon 1 Feb – Sun 7 Feb 2027</caption>", london, StringComparison.Ordinal);
        Assert.Contains("<option value=\"TH\" selected>", london, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{programme}\" selected>", london, StringComparison.Ordinal);
        Assert.Contains("Mon 1 Feb 2027 02:00–10:00 Europe/London (UTC+00)", Text(Cell(london, "2027-02-01")), StringComparison.Ordinal);
        Assert.DoesNotContain(S.Training.Title, Cell(london, "2027-02-02"), StringComparison.Ordinal); // the trainer filter held
    }

    [Theory]
    [InlineData("date=2027-02-30", "date")]
    [InlineData("date=yesterday", "date")]
    [InlineData("view=year", "view")]
    [InlineData("country=Japan", "country")]
    [InlineData("programme=not-mine", "programme")]
    public async Task AValueThePageCannotHonourIsA400NamingTheParameter(string parameters, string parameter)
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, "/manager/calendar?" + parameters, S.Manager);

        Assert.Equal(400, status);
        Assert.Contains($"The query parameter \"{parameter}\"", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"calendar", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnersCannotOpenTheCalendar()
    {
        var (status, _) = await system.SendAsync(HttpMethod.Get, "/manager/calendar?date=2027-02-10", S.ThaiUser);

        Assert.Equal(403, status);
    }

    private async Task<string> PageAsync(string path)
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, path, S.Manager);
        Assert.True(status == 200, $"{path}: {status}\n{body}");
        // The renderer escapes non-ASCII text (en dashes, Thai titles): read the page as a browser shows it.
        return WebUtility.HtmlDecode(body);
    }

    /// <summary>The markup of the grid cell of one date, from its date to the end of the cell.</summary>
    private static string Cell(string page, string date)
    {
        var match = Regex.Match(page, $"<time class=\"cal-date\" datetime=\"{date}\">(?<cell>.*?)</td>", RegexOptions.Singleline);
        Assert.True(match.Success, $"the grid has a cell for {date}");
        return match.Groups["cell"].Value;
    }

    /// <summary>What a reader sees of some markup: times are written with elements inside them.</summary>
    private static string Text(string markup) => Regex.Replace(Regex.Replace(markup, "<[^>]+>", ""), "\\s+", " ");

    private static List<string> Headers(string page) =>
        Regex.Matches(page, "<th scope=\"col\"><abbr title=\"[A-Za-z]+\">(?<text>[^<]+)</abbr></th>").Select(m => m.Groups["text"].Value).ToList();

    /// <summary>A training in Tokyo on 3 February 2027 in the scenario's programme, with its own room and trainer so it clashes with nothing.</summary>
    private async Task<Training> TokyoTrainingAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/trainings?requestId={Guid.NewGuid()}", S.Manager, new Training
        {
            Programme = S.Programme.Name,
            Title = "ICS Security Fundamentals " + Guid.NewGuid().ToString("N")[..6],
            Language = "en",
            Mode = TrainingMode.InPerson,
            Venue = new Venue { DisplayName = "JPCERT/CC Training Centre", City = "Tokyo", CountryCode = "JP", TimeZone = "Asia/Tokyo" },
            Seats = 10,
            WaitlistSize = 2,
            NominationOpenTime = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
            NominationDeadline = Timestamp.FromDateTimeOffset(now.AddDays(20)),
        });
        return await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:schedule", S.Manager, new ScheduleTrainingRequest
        {
            SessionDays =
            {
                new SessionDay
                {
                    Date = D(2027, 2, 3), StartTime = new TimeOfDay { Hours = 9 }, EndTime = new TimeOfDay { Hours = 17 },
                    Room = $"jpcert/room-{Guid.NewGuid():N}", Trainers = { $"trainers/{Guid.NewGuid():N}" },
                },
            },
        });
    }
}
