using CapacityHub.Gateway.Tests.Data;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>The inbox page against the real services: what each reader was told, linked to where it is acted on.</summary>
[Collection(RunningSystemCollection.Name)]
public sealed class InboxPageTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task AManagerSeesArrivedNominationsLinkedToTheQueueAndAPartnerSeesItsDecisions()
    {
        var (managerStatus, managerPage) = await system.SendAsync(HttpMethod.Get, "/inbox", S.Manager);
        var (partnerStatus, partnerPage) = await system.SendAsync(HttpMethod.Get, "/inbox", S.ThaiUser);
        var (otherStatus, otherPage) = await system.SendAsync(HttpMethod.Get, "/inbox", S.MalaysianUser);
        var (funderStatus, _) = await system.SendAsync(HttpMethod.Get, "/inbox", S.FunderUser);

        Assert.True(managerStatus == 200, managerPage);
        Assert.Contains($"/manager/nominations?training={S.Training.Name["trainings/".Length..]}", managerPage, StringComparison.Ordinal);
        Assert.Contains("<h1>Inbox</h1>", managerPage, StringComparison.Ordinal);
        Assert.Contains("<span class=\"kind\">Nominations received</span>", managerPage, StringComparison.Ordinal);
        Assert.True(partnerStatus == 200, partnerPage);
        Assert.Contains("href=\"/partner/nominations\"", partnerPage, StringComparison.Ordinal);
        Assert.Contains(S.Training.Title, partnerPage, StringComparison.Ordinal);
        Assert.True(otherStatus == 200, otherPage);
        Assert.DoesNotContain(S.Training.Title, otherPage, StringComparison.Ordinal);
        Assert.Equal(403, funderStatus);
    }

    [Fact]
    public async Task UnreadOnlyListsWhatIsUnreadAndAnUnknownPageTokenIsRefused()
    {
        var (status, page) = await system.SendAsync(HttpMethod.Get, "/inbox?unread=1", S.ThaiUser);
        var (badStatus, badPage) = await system.SendAsync(HttpMethod.Get, "/inbox?after=not-a-token", S.ThaiUser);

        Assert.True(status == 200, page);
        Assert.DoesNotContain("class=\"read\"", page, StringComparison.Ordinal);
        Assert.Equal(422, badStatus);
        Assert.Contains("page", badPage, StringComparison.Ordinal);
    }
}
