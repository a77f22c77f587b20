using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CapacityHub.Browser.Tests;

/// <summary>A Thai partner agency nominates, records attendance and scores, and reports outcomes.</summary>
[Collection(SystemCollection.Name)]
public sealed class PartnerAgencyTests(SystemFixture system)
{
    [Fact]
    public async Task PartnerNominatesForATrainingOpenToItsCountryAndSeesFieldErrorsNextToFields()
    {
        await using var context = await system.ContextAsync("Asia/Bangkok", sessionToken: system.Sessions.For(system.Data.ThaiPartner));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/partner/trainings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open trainings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ICS Security Fundamentals" })).ToContainTextAsync("Wed 10 Feb 2027 07:00");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ICS Security Fundamentals" })).ToContainTextAsync("no quota");
        await Screenshots.SaveBothWidthsAsync(page, "partner-open-trainings");
        await page.GetByRole(AriaRole.Link, new() { Name = "ICS Security Fundamentals" }).ClickAsync();
        await Expect(page.Locator(".day").First).ToContainTextAsync("Wed 10 Feb 2027 07:00–15:00 Asia/Bangkok (UTC+07)");

        // No email: the service's field violation is shown next to the Email input.
        await page.GetByLabel("Full name").FillAsync("Malee Suk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nominate" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        var email = page.GetByLabel("Email");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#f-participant-email-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Malee Suk");

        await email.FillAsync("malee.suk@example.org");
        await page.GetByLabel("Sex").SelectOptionAsync("Female");
        await page.GetByLabel("Sector").FillAsync("CERT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nominate" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Malee Suk is nominated");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Malee Suk" })).ToContainTextAsync("nominated");

        var ours = await system.Data.Nominations.ListNominationsAsync(
            new() { Parent = system.Data.OpenTraining.Name, NominatingOrganisation = "organisations/" + system.Data.ThaiPartner.OrganisationId }, system.Data.As(TestData.Admin));
        Assert.Contains(ours.Nominations, n => n.Participant.Email == "malee.suk@example.org" && n.Status == Trainings.V1.NominationStatus.Nominated);
    }

    [Fact]
    public async Task PartnerHomeShowsTrainingsToNominateToAndItsParticipantsByStatus()
    {
        await using var context = await system.ContextAsync("Asia/Bangkok", sessionToken: system.Sessions.For(system.Data.ThaiPartner));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/partner");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your work", Level = 1 })).ToBeVisibleAsync();
        var open = page.Locator("section[aria-labelledby=h-nominating] li.card").Filter(new() { HasText = "ICS Security Fundamentals" });
        await Expect(open).ToContainTextAsync("Seats left");
        await Expect(open).ToContainTextAsync("no quota");
        await Expect(open).ToContainTextAsync("closes in");
        await page.Locator("section[aria-labelledby=h-participants]").GetByRole(AriaRole.Link, new() { Name = "booked" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Our participants", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Status")).ToHaveValueAsync("booked");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = system.Data.Booked[0].Participant.DisplayName })).ToContainTextAsync("booked");
        await page.GotoAsync("/partner");
        await Screenshots.SaveBothWidthsAsync(page, "partner-home");
    }

    [Fact]
    public async Task PartnerRecordsAttendanceAndScoresOfItsBookedParticipants()
    {
        await using var context = await system.ContextAsync("Asia/Bangkok", sessionToken: system.Sessions.For(system.Data.ThaiPartner));
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/partner/trainings/{system.Data.RunningTraining.Name["trainings/".Length..]}");
        var participant = system.Data.Booked[5];
        var key = participant.Name[(participant.Name.LastIndexOf('/') + 1)..];
        var present = page.Locator($"input[type=checkbox][name^='present-{key}-']");
        await Expect(present).ToBeCheckedAsync();
        await present.UncheckAsync();
        await page.GetByLabel($"Post-test ({participant.Participant.DisplayName})").FillAsync("88");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save attendance and scores" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Attendance and scores saved");
        await Expect(page.Locator($"input[type=checkbox][name^='present-{key}-']")).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel($"Post-test ({participant.Participant.DisplayName})")).ToHaveValueAsync("88");

        var stored = await system.Data.Nominations.GetNominationAsync(new() { Name = participant.Name }, system.Data.As(TestData.Admin));
        Assert.False(stored.Learning.Attendance.Single().Present);
        Assert.Equal(88, stored.Learning.Assessments.Single(a => a.Kind == Trainings.V1.AssessmentKind.Post).Score);

        // Put the record back so the funder's figures stay as the fixture made them.
        await page.Locator($"input[type=checkbox][name^='present-{key}-']").CheckAsync();
        await page.GetByLabel($"Post-test ({participant.Participant.DisplayName})").FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save attendance and scores" }).ClickAsync();
        await Expect(page.Locator($"input[type=checkbox][name^='present-{key}-']")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task PartnerSavesAnOutcomeReportDraftThenSubmitsIt()
    {
        await using var context = await system.ContextAsync("Asia/Bangkok", sessionToken: system.Sessions.For(system.Data.ThaiPartner));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/partner/reports");
        await page.GetByLabel("Period from").FillAsync("2026-07-01");
        await page.GetByLabel("Period to").FillAsync("2026-09-30");
        await page.GetByLabel("Due date").FillAsync("2026-10-31");
        await page.GetByLabel("Narrative").FillAsync("ThaiCERT analysts now run the national ICS incident drill.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.Locator("#report-status")).ToHaveTextAsync("draft");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(page.Locator("#report-status")).ToHaveTextAsync("submitted");
        var reports = await system.Data.Reports.ListOutcomeReportsAsync(new() { PartnerOrganisation = "organisations/" + system.Data.ThaiPartner.OrganisationId }, system.Data.As(TestData.Admin));
        Assert.Contains(reports.OutcomeReports, r => r.Narrative.StartsWith("ThaiCERT analysts", StringComparison.Ordinal) && r.Status == Trainings.V1.OutcomeReportStatus.Submitted);
    }

    [Fact]
    public async Task PartnerUploadsNominationsAsCsvAndABadRowNominatesNobody()
    {
        await using var context = await system.ContextAsync("Asia/Bangkok", sessionToken: system.Sessions.For(system.Data.ThaiPartner));
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/partner/trainings/{system.Data.OpenTraining.Name["trainings/".Length..]}");
        var file = page.GetByLabel("CSV file");
        await file.SetInputFilesAsync(new FilePayload
        {
            Name = "bad.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("participant_id,display_name,email,country_code\nth-101,Wichai Chan,wichai.chan@example.org,TH\nth-102,Ploy Rak,not-an-email,TH\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload nominations" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Row 3");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Wichai Chan" })).ToHaveCountAsync(0);

        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "good.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("participant_id,display_name,email,country_code,sex\nth-101,Wichai Chan,wichai.chan@example.org,TH,male\nth-102,Ploy Rak,ploy.rak@example.org,TH,female\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload nominations" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 participant(s) nominated");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ploy Rak" })).ToContainTextAsync("nominated");
    }

    [Fact]
    public async Task PartnerDownloadsItsParticipantsCertificateAndSeesNoCertificateOfAnotherPartnersParticipant()
    {
        var ours = system.Data.ThaiCertified;
        var theirs = system.Data.MalaysianCertified;
        var number = ours.Learning.Certificate.Number;
        Assert.False(string.IsNullOrEmpty(number), "the fixture issued the Thai participant's certificate");
        var safeNumber = new string([.. number.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);

        await using var context = await system.ContextAsync("Asia/Bangkok", sessionToken: system.Sessions.For(system.Data.ThaiPartner));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/partner/nominations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Our participants", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = ours.Participant.DisplayName });
        await Expect(row).ToContainTextAsync(system.Data.CompletedTraining.Title);
        await Expect(row).ToContainTextAsync("completed");
        var link = row.GetByRole(AriaRole.Link, new() { Name = $"Certificate of {ours.Participant.DisplayName} (PDF)" });
        await Expect(link).ToContainTextAsync(number);

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal($"certificate-{safeNumber}.pdf", download.SuggestedFilename);
        var file = await download.PathAsync();
        var head = new byte[5];
        await using (var pdf = File.OpenRead(file))
        {
            await pdf.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        await Screenshots.SaveBothWidthsAsync(page, "partner-participants-certificate");

        // The Malaysian participant of the same training has a certificate too, but not for the Thai partner's eyes:
        // no row, no link, and the download address itself is refused.
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = theirs.Participant.DisplayName })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Certificate of {theirs.Participant.DisplayName} (PDF)" })).ToHaveCountAsync(0);
        var hrefs = await page.Locator("a[href$=':certificate']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains($"/api/v1/{ours.Name}:certificate", hrefs);
        Assert.DoesNotContain($"/api/v1/{theirs.Name}:certificate", hrefs);
        var refused = await context.APIRequest.GetAsync($"/api/v1/{theirs.Name}:certificate");
        Assert.True(refused.Status is 403 or 404, $"the Thai partner fetched another partner's certificate: {refused.Status}");

        // Whereas the Malaysian partner does see a link for its own participant, so the absence above is not a missing link.
        await using var malaysian = await system.ContextAsync("Asia/Kuala_Lumpur", sessionToken: system.Sessions.For(system.Data.MalaysianPartner));
        var theirPage = await malaysian.NewPageAsync();
        await theirPage.GotoAsync("/partner/nominations");
        await Expect(theirPage.GetByRole(AriaRole.Link, new() { Name = $"Certificate of {theirs.Participant.DisplayName} (PDF)" })).ToBeVisibleAsync();
    }
}
