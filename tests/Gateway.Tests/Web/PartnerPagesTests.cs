using System.Net;
using CapacityHub.Gateway.Tests.Data;
using CapacityHub.Trainings.V1;
using static CapacityHub.Gateway.Tests.Data.Scenario;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>
/// A partner agency's own pages against the real services: its home page of work, and its participants
/// searched, filtered and paged by the Trainings service, with a certificate link for those who completed.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class PartnerPagesTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task ThePartnerHomeShowsTrainingsToNominateToItsPeopleAndTheReportsItOwes()
    {
        var today = DateTime.UtcNow.Date.AddDays(3);
        var report = await system.CallAsync<OutcomeReport>(HttpMethod.Post, $"/api/v1/outcomeReports?requestId={Guid.NewGuid()}", S.ThaiUser, new OutcomeReport
        {
            Programme = S.Programme.Name,
            PartnerOrganisation = S.ThaiPartner.Name,
            Period = new Common.V1.DateRange { StartDate = D(2026, 1, 1), EndDate = D(2026, 6, 30) },
            DueDate = D(today.Year, today.Month, today.Day),
        });

        var (status, page) = await PageAsync("/partner", S.ThaiUser);
        var (otherStatus, other) = await PageAsync("/partner", S.MalaysianUser);
        var (funderStatus, _) = await PageAsync("/partner", S.FunderUser);

        Assert.True(status == 200, page);
        Assert.Contains("<h1>Your work</h1>", page, StringComparison.Ordinal);
        Assert.Contains("ThaiCERT, Thailand", page, StringComparison.Ordinal);
        var card = Section(page, "h-nominating");
        Assert.Contains(S.Training.Title, card, StringComparison.Ordinal);
        Assert.Matches(@"<dd>\d+ of 20</dd>", card);
        Assert.Contains("no quota", card, StringComparison.Ordinal);
        Assert.Matches("closes in (29|30) days", card);
        Assert.Contains("/partner/nominations?status=booked", Section(page, "h-participants"), StringComparison.Ordinal);
        var reports = Section(page, "h-reports");
        Assert.Contains($"/partner/reports/{Id(report.Name)}", reports, StringComparison.Ordinal);
        Assert.Contains("due in 3 days", reports, StringComparison.Ordinal);

        Assert.True(otherStatus == 200, other);
        Assert.DoesNotContain(Id(report.Name), other, StringComparison.Ordinal);
        Assert.DoesNotContain("status=booked", other, StringComparison.Ordinal);
        Assert.Equal(403, funderStatus);
    }

    [Fact]
    public async Task OurParticipantsAreSearchedAndFilteredByTheServiceAndACompletedOneHasACertificateLink()
    {
        var (_, completed, notCompleted) = await CompletedTraining.CreateAsync(system, "Forensics Lab Day");
        var certificate = $"/api/v1/{completed.Name}:certificate";

        var (status, found) = await PageAsync($"/partner/nominations?query={Uri.EscapeDataString("สมชาย")}", S.ThaiUser);
        var (_, booked) = await PageAsync("/partner/nominations?status=booked", S.ThaiUser);
        var (_, elsewhere) = await PageAsync($"/partner/nominations?query={Uri.EscapeDataString("สมชาย")}", S.MalaysianUser);

        Assert.True(status == 200, found);
        Assert.Contains($"href=\"{certificate}\"", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Person S 1", found, StringComparison.Ordinal);
        Assert.DoesNotContain($"/api/v1/{notCompleted.Name}:certificate", found, StringComparison.Ordinal);
        Assert.Contains("Person S 1", booked, StringComparison.Ordinal);
        Assert.DoesNotContain("สมชาย", booked, StringComparison.Ordinal);
        Assert.Contains("No participant matches", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain(Id(completed.Name), elsewhere, StringComparison.Ordinal);
        Assert.Equal(200, (await system.DownloadAsync(certificate, S.ThaiUser)).Status);
    }

    [Fact]
    public async Task BeforeAConfirmedTrainingsDayBeginsThePartnerCanEnterPreTestScoresButNoAttendance()
    {
        var (training, people) = await CompletedTraining.ConfirmedAsync(system, "Network Defence Bootcamp", "Kittisak Ahead", "Malee Ahead");

        var (status, page) = await PageAsync($"/partner/trainings/{Id(training.Name)}", S.ThaiUser);

        Assert.True(status == 200, page);
        Assert.Contains("Pre-test (Kittisak Ahead)", page, StringComparison.Ordinal);
        Assert.Contains("not begun yet", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"present-{Id(people[0].Name)}-", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownStatusIsRefusedByNameAndAnOverlongSearchIsRefusedByTheService()
    {
        var (badStatus, badStatusPage) = await PageAsync("/partner/nominations?status=graduated", S.ThaiUser);
        var (longQuery, longQueryPage) = await PageAsync($"/partner/nominations?query={new string('a', 101)}", S.ThaiUser);

        Assert.Equal(400, badStatus);
        Assert.Contains("\"status\"", badStatusPage, StringComparison.Ordinal);
        Assert.Contains("fullyattended", badStatusPage, StringComparison.Ordinal);
        Assert.Equal(422, longQuery);
        Assert.Contains("query", longQueryPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenTrainingsAreSearchedByTitleOrCity()
    {
        var (_, bangkok) = await PageAsync("/partner/trainings?query=bangkok", S.ThaiUser);
        var (_, nowhere) = await PageAsync("/partner/trainings?query=reykjavik", S.ThaiUser);

        Assert.Contains(S.Training.Title, bangkok, StringComparison.Ordinal);
        Assert.DoesNotContain(S.Training.Title, nowhere, StringComparison.Ordinal);
        Assert.Contains("value=\"reykjavik\"", nowhere, StringComparison.Ordinal);
    }

    private async Task<(int Status, string Page)> PageAsync(string path, ServiceDefaults.Identity.CallerIdentity caller)
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, path, caller);
        // Razor writes non-ASCII text as character references; compare with what a reader sees.
        return (status, WebUtility.HtmlDecode(body));
    }

    /// <summary>The markup of the section a heading with this id labels.</summary>
    private static string Section(string page, string headingId)
    {
        var start = page.IndexOf($"aria-labelledby=\"{headingId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {headingId}");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}
