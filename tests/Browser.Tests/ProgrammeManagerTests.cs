using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CapacityHub.Browser.Tests;

/// <summary>A programme manager in London schedules a training in Tokyo, decides on nominations and reviews a report.</summary>
[Collection(SystemCollection.Name)]
public sealed class ProgrammeManagerTests(SystemFixture system)
{
    [Fact]
    public async Task ManagerSchedulesATrainingWithLiveClashWarningsAndSeesVenueAndOwnTimes()
    {
        await using var context = await system.ContextAsync("Europe/London", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/manager/schedule");
        await page.GetByLabel("Title").FillAsync("OT Incident Handling");
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("JPCERT/CC Training Centre");
        await page.GetByLabel("City").FillAsync("Tokyo");
        await page.GetByLabel("Venue country").FillAsync("JP");
        await page.GetByLabel("Nominations open (venue time)").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Nomination deadline (venue time)").FillAsync("2027-01-20T17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create training" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Training created" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "OT Incident Handling", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Date (venue's calendar)").FillAsync("2027-02-10");
        await page.GetByLabel("Starts (local)").FillAsync("10:00");
        await page.GetByLabel("Ends (local)").FillAsync("12:00");
        await page.GetByLabel("Trainers").FillAsync(TestData.BusyTrainer);
        var warnings = page.Locator("#conflicts");
        await Expect(warnings).ToContainTextAsync(TestData.BusyTrainer);
        await Expect(warnings).ToContainTextAsync("ICS Security Fundamentals");
        await Screenshots.SaveBothWidthsAsync(page, "manager-scheduling");

        await page.GetByLabel("Trainers").FillAsync("trainer-tanaka");
        await Expect(warnings).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add session day" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Session day added" })).ToBeVisibleAsync();
        var day = page.Locator("li.day").First;
        await Expect(day).ToContainTextAsync("Wed 10 Feb 2027 10:00–12:00 Asia/Tokyo (UTC+09)");
        await Expect(day).ToContainTextAsync("Wed 10 Feb 2027 01:00–03:00 Europe/London (UTC+00)");

        var calendar = await context.APIRequest.GetAsync(page.Url.Split('?')[0].Replace("/manager/trainings/", "/api/v1/trainings/", StringComparison.Ordinal) + ":exportCalendar");
        Assert.Equal(200, calendar.Status);
        Assert.Contains("BEGIN:VCALENDAR", await calendar.TextAsync(), StringComparison.Ordinal);

        // Saving a clash anyway: the service refuses and the page says why, next to the form.
        await page.GetByLabel("Date (venue's calendar)").FillAsync("2027-02-10");
        await page.GetByLabel("Starts (local)").FillAsync("11:00");
        await page.GetByLabel("Ends (local)").FillAsync("13:00");
        await page.GetByLabel("Trainers").FillAsync(TestData.BusyTrainer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add session day" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync(TestData.BusyTrainer);
        await Expect(page.Locator("li.day")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task CalendarShowsEachSessionDayInVenueTimeAndViewerTime()
    {
        await using var context = await system.ContextAsync("Europe/London", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/manager/calendar?date=2027-02-10");
        await Expect(page.Locator("table.calendar caption")).ToHaveTextAsync("February 2027");
        var tokyo = Cell(page, "2027-02-10").Locator(".day").Filter(new() { HasText = "ICS Security Fundamentals" }).First;
        await Expect(tokyo).ToContainTextAsync("Wed 10 Feb 2027 09:00–17:00 Asia/Tokyo (UTC+09)");
        await Expect(tokyo).ToContainTextAsync("Wed 10 Feb 2027 00:00–08:00 Europe/London (UTC+00)");
        await Screenshots.SaveBothWidthsAsync(page, "manager-calendar-month");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next month →" }).ClickAsync();
        await Expect(page.Locator("table.calendar caption")).ToHaveTextAsync("March 2027");
        var bangkok = Cell(page, "2027-03-02").Locator(".day").Filter(new() { HasText = "Incident Response Exercise" }).First;
        await Expect(bangkok).ToContainTextAsync("Tue 2 Mar 2027 09:00–17:00 Asia/Bangkok (UTC+07)");
        await Expect(bangkok).ToContainTextAsync("Tue 2 Mar 2027 02:00–10:00 Europe/London (UTC+00)");
    }

    [Fact]
    public async Task ManagerFiltersTheWeekCalendarByVenueCountryAndTheFilterSurvivesPaging()
    {
        await using var context = await system.ContextAsync("Europe/London", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/manager/calendar?date=2027-02-10");
        await page.GetByRole(AriaRole.Link, new() { Name = "Week", Exact = true }).ClickAsync();
        var caption = page.Locator("table.calendar caption");
        await Expect(caption).ToHaveTextAsync("Mon 8 Feb – Sun 14 Feb 2027");
        await Expect(page.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(7);
        var tokyo = page.Locator(".day").Filter(new() { HasText = "ICS Security Fundamentals" });
        await Expect(Cell(page, "2027-02-10").Locator(".day").Filter(new() { HasText = "ICS Security Fundamentals" })).ToContainTextAsync("Wed 10 Feb 2027 00:00–08:00 Europe/London (UTC+00)");
        await Screenshots.SaveBothWidthsAsync(page, "manager-calendar-week");

        var filters = page.GetByRole(AriaRole.Form, new() { Name = "Filter the calendar" });
        await filters.GetByLabel("Venue country").SelectOptionAsync(new SelectOptionValue { Label = "Thailand" });
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("country=TH"));
        await Expect(caption).ToHaveTextAsync("Mon 8 Feb – Sun 14 Feb 2027");
        await Expect(tokyo).ToHaveCountAsync(0);
        await Expect(page.Locator(".calendar-empty")).ToContainTextAsync("No session days in the week Mon 8 Feb – Sun 14 Feb 2027 match these filters");

        // Three weeks on, still only Thailand: the Bangkok exercise on Tuesday 2 March.
        foreach (var next in new[] { "Mon 15 Feb – Sun 21 Feb 2027", "Mon 22 Feb – Sun 28 Feb 2027", "Mon 1 Mar – Sun 7 Mar 2027" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Next week →" }).ClickAsync();
            await Expect(caption).ToHaveTextAsync(next);
        }

        await Expect(filters.GetByLabel("Venue country")).ToHaveValueAsync("TH");
        var bangkok = Cell(page, "2027-03-02").Locator(".day").Filter(new() { HasText = "Incident Response Exercise" });
        await Expect(bangkok).ToContainTextAsync("Tue 2 Mar 2027 02:00–10:00 Europe/London (UTC+00)");
        await Expect(bangkok).ToContainTextAsync("Bangkok");

        await filters.GetByLabel("Venue country").SelectOptionAsync(new SelectOptionValue { Label = "Japan" });
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("country=JP"));
        await Expect(page.Locator(".day").Filter(new() { HasText = "Incident Response Exercise" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ManagerSchedulesATrainingFromADayOfTheCalendarAndSeesItInThatDaysCell()
    {
        var title = "OT Forensics Lab " + Guid.NewGuid().ToString("N")[..6];
        await using var context = await system.ContextAsync("Asia/Tokyo", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/manager/calendar?date=2027-06-16");
        await Expect(Cell(page, "2027-06-16").Locator(".day").Filter(new() { HasText = title })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a training on Wednesday 16 June 2027" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/manager/schedule\\?start=2027-06-16"));
        await Expect(page.GetByLabel("First session day (venue's calendar)")).ToHaveValueAsync("2027-06-16");

        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("JPCERT/CC Training Centre");
        await page.GetByLabel("City").FillAsync("Tokyo");
        await page.GetByLabel("Venue country").FillAsync("JP");
        await page.GetByLabel("Nominations open (venue time)").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Nomination deadline (venue time)").FillAsync("2027-05-31T17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create training" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Training created" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Date (venue's calendar)")).ToHaveValueAsync("2027-06-16");

        await page.GetByLabel("Room", new() { Exact = true }).FillAsync($"jpcert-tokyo/lab-{Guid.NewGuid():N}");
        await page.GetByLabel("Trainers").FillAsync($"trainer-{Guid.NewGuid():N}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add session day" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Session day added" })).ToBeVisibleAsync();

        await page.GotoAsync("/manager/calendar?date=2027-06-16");
        var cell = Cell(page, "2027-06-16").Locator(".day").Filter(new() { HasText = title });
        await Expect(cell).ToContainTextAsync("Wed 16 Jun 2027 09:00–17:00 Asia/Tokyo (UTC+09)");
        await Expect(Cell(page, "2027-06-15").Locator(".day").Filter(new() { HasText = title })).ToHaveCountAsync(0);
        await Screenshots.SaveBothWidthsAsync(page, "manager-calendar-scheduled-from-day");
    }

    /// <summary>The calendar cell of one date (its &lt;time datetime&gt; names the date).</summary>
    private static ILocator Cell(IPage page, string date) => page.Locator("table.calendar td").Filter(new() { Has = page.Locator($"time.cal-date[datetime='{date}']") });

    [Fact]
    public async Task ManagerApprovesAWaitingNominationAndApprovesASubmittedReport()
    {
        await using var context = await system.ContextAsync("Asia/Tokyo", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/manager/nominations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve Siti Rahman" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Siti Rahman: approved");
        var nomination = await system.Data.Nominations.GetNominationAsync(new() { Name = system.Data.WaitingNomination.Name }, system.Data.As(TestData.Admin));
        Assert.Equal(Trainings.V1.NominationStatus.Approved, nomination.Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "Outcome reports" }).ClickAsync();
        var malaysian = page.Locator("article.card").Filter(new() { HasText = "MyCERT analysts trained" });
        await malaysian.GetByRole(AriaRole.Button, new() { Name = "Approve report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is now approved");
        var report = await system.Data.Reports.GetOutcomeReportAsync(new() { Name = system.Data.SubmittedReport.Name }, system.Data.As(TestData.Admin));
        Assert.Equal(Trainings.V1.OutcomeReportStatus.Approved, report.Status);
    }

    [Fact]
    public async Task ManagerHomeListsWaitingWorkByName()
    {
        await using var context = await system.ContextAsync("Asia/Tokyo", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/manager");
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your work", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nominations to decide" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reports to review" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nomination deadlines this week" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("organisations/");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("trainings/");
        await Screenshots.SaveBothWidthsAsync(page, "manager-home");
    }

    [Fact]
    public async Task TrainingPageListsParticipantsByOrganisationNameWithACsvDownload()
    {
        await using var context = await system.ContextAsync("Asia/Tokyo", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/manager/trainings/{system.Data.RunningTraining.Name["trainings/".Length..]}");
        var booked = system.Data.Booked[0].Participant.DisplayName;
        var row = page.Locator("#h-participants ~ .table-wrap tr").Filter(new() { HasText = booked });
        await Expect(row).ToContainTextAsync("ETDA (ThaiCERT)");
        await Expect(row).ToContainTextAsync("Thailand");
        await Expect(row).Not.ToContainTextAsync("organisations/");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download the participant list (CSV)" });
        var csv = await context.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, csv.Status);
        Assert.Contains(booked, await csv.TextAsync(), StringComparison.Ordinal);
    }
}
