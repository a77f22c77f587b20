using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CapacityHub.Browser.Tests;

/// <summary>Pages are authorised by role before any data is fetched, and forms need their anti-forgery token.</summary>
[Collection(SystemCollection.Name)]
public sealed class AccessTests(SystemFixture system)
{
    [Fact]
    public async Task OtherRolesGetA403PageWithoutDataAndAnonymousVisitorsA401()
    {
        await using var partner = await system.ContextAsync("Asia/Bangkok", sessionToken: system.Sessions.For(system.Data.ThaiPartner));
        var page = await partner.NewPageAsync();
        var dashboard = await page.GotoAsync("/funder/impact");
        Assert.Equal(403, dashboard!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not for your role");
        await Expect(page.Locator("#dashboard-figures")).ToHaveCountAsync(0);
        var queue = await page.GotoAsync("/manager/nominations");
        Assert.Equal(403, queue!.Status);
        Assert.DoesNotContain("Siti Rahman", await page.ContentAsync(), StringComparison.Ordinal);

        await using var anonymous = await system.ContextAsync("UTC");
        var anonymousPage = await anonymous.NewPageAsync();
        var calendar = await anonymousPage.GotoAsync("/manager/calendar");
        Assert.Equal(401, calendar!.Status);
        await Expect(anonymousPage.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenChangesNothing()
    {
        using var client = new HttpClient { BaseAddress = new Uri(system.WebAddress) };
        var id = system.Data.WaitingNomination.Name.Split('/')[^1];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/manager/nominations")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = $"decline-{id}",
                ["Decide.Nomination"] = system.Data.WaitingNomination.Name,
                ["Decide.Decision"] = "decline",
                ["Decide.Reason"] = "forged",
            }),
        };
        post.Headers.Add("Cookie", "capacityhub_session=" + system.Sessions.For(system.Data.Manager));
        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Form expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nomination = await system.Data.Nominations.GetNominationAsync(new() { Name = system.Data.WaitingNomination.Name }, system.Data.As(TestData.Admin));
        Assert.NotEqual(Trainings.V1.NominationStatus.Declined, nomination.Status);
    }

    [Fact]
    public async Task EveryScreenHasOneMainLandmarkAHeadingALabelForEveryFieldAndASkipLinkFirstInTabOrder()
    {
        var open = system.Data.OpenTraining.Name["trainings/".Length..];
        var running = system.Data.RunningTraining.Name["trainings/".Length..];
        var screens = new (ServiceDefaults.Identity.CallerIdentity Who, string[] Paths)[]
        {
            (system.Data.Manager, ["/manager", "/manager/programmes", "/manager/calendar", "/manager/schedule", $"/manager/trainings/{open}", "/manager/nominations", "/manager/reports"]),
            (system.Data.ThaiPartner, ["/partner", "/partner/trainings", $"/partner/trainings/{open}", $"/partner/trainings/{running}", "/partner/nominations", "/partner/reports"]),
            (Gateway.Authentication.DemoAccounts.Find("funder")!.Identity, ["/funder/impact"]),
        };
        foreach (var (who, paths) in screens)
        {
            await using var context = await system.ContextAsync("Asia/Tokyo", sessionToken: system.Sessions.For(who));
            var page = await context.NewPageAsync();
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{path} answered {response.Status}");
                await Expect(page.Locator("main")).ToHaveCountAsync(1);
                await Expect(page.Locator("h1")).ToHaveCountAsync(1);
                var unlabelled = await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name || e.id)");
                Assert.True(unlabelled.Length == 0, $"{path}: fields without a label: {string.Join(", ", unlabelled)}");
                await page.Keyboard.PressAsync("Tab");
                Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            }
        }
    }
}
