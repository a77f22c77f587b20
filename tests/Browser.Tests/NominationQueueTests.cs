using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CapacityHub.Browser.Tests;

/// <summary>The manager's queue names organisations and countries, filters and sorts, and decides on ticked rows all or none.</summary>
[Collection(SystemCollection.Name)]
public sealed class NominationQueueTests(SystemFixture system)
{
    [Fact]
    public async Task ManagerFiltersTheQueueByOrganisationAndWaitlistsTickedRowsInOneDecision()
    {
        var aminah = await NominateAsync("Aminah Yusof", "queue-my-1");
        var farid = await NominateAsync("Farid Hassan", "queue-my-2");
        var organisation = aminah.NominatingOrganisation["organisations/".Length..];

        await using var context = await system.ContextAsync("Asia/Kuala_Lumpur", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/manager/nominations");
        await page.GetByLabel("Nominating organisation").SelectOptionAsync(organisation);
        await page.GetByLabel("Sort by").SelectOptionAsync("participant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"organisation={organisation}"));

        // Names, never ids: the organisation's display name and the country's English name.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Aminah Yusof" });
        await Expect(row).ToContainTextAsync("CyberSecurity Malaysia");
        await Expect(row).ToContainTextAsync("Malaysia");
        await Expect(row).Not.ToContainTextAsync("organisations/");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ETDA (ThaiCERT)" })).ToHaveCountAsync(0);
        await Screenshots.SaveBothWidthsAsync(page, "manager-nomination-queue");

        await page.GetByLabel("Select Aminah Yusof").CheckAsync();
        await page.GetByLabel("Select Farid Hassan").CheckAsync();
        await page.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("waitlist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to ticked" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 nominations now waitlisted");
        Assert.Equal(NominationStatus.Waitlisted, (await GetAsync(aminah)).Status);
        Assert.Equal(NominationStatus.Waitlisted, (await GetAsync(farid)).Status);

        // Booking needs an approved nomination: the service refuses the batch and neither one changes.
        await page.GotoAsync($"/manager/nominations?status=waitlisted&organisation={organisation}");
        await page.GetByLabel("Select Aminah Yusof").CheckAsync();
        await page.GetByLabel("Select Farid Hassan").CheckAsync();
        await page.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("book");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to ticked" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        Assert.Equal(NominationStatus.Waitlisted, (await GetAsync(aminah)).Status);
        Assert.Equal(NominationStatus.Waitlisted, (await GetAsync(farid)).Status);
    }

    [Fact]
    public async Task AnUnknownQueueFilterValueIsABadRequest()
    {
        await using var context = await system.ContextAsync("UTC", sessionToken: system.Sessions.For(system.Data.Manager));
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/manager/nominations?status=lost");
        Assert.Equal(400, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Unknown filter value");
    }

    private async Task<Nomination> NominateAsync(string name, string requestId)
    {
        var email = name.ToLowerInvariant().Replace(' ', '.') + "@example.org";
        var organisation = "organisations/" + system.Data.MalaysianPartner.OrganisationId;
        return await system.Data.Nominations.NominateAsync(new NominateRequest
        {
            Parent = system.Data.OpenTraining.Name,
            Nomination = new Nomination
            {
                NominatingOrganisation = organisation,
                Participant = new Participant { ParticipantId = email, DisplayName = name, Email = email, Organisation = organisation, CountryCode = "MY", Sex = Sex.Male, Sector = "CERT", JobTitle = "Incident analyst" },
            },
            RequestId = requestId,
        }, system.Data.As(system.Data.MalaysianPartner));
    }

    private async Task<Nomination> GetAsync(Nomination nomination) =>
        await system.Data.Nominations.GetNominationAsync(new() { Name = nomination.Name }, system.Data.As(TestData.Admin));
}
