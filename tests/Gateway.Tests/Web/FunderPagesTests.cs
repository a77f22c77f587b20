using System.Net;
using CapacityHub.Gateway.Tests.Data;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Identity;
using static CapacityHub.Gateway.Tests.Data.Scenario;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>The funder dashboard puts the funder's programmes side by side, and only the funder's own.</summary>
[Collection(RunningSystemCollection.Name)]
public sealed class FunderPagesTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task TheDashboardComparesTheFundersOwnProgrammesSideBySide()
    {
        // A funder of its own, so the other dashboard tests keep their single programme.
        var fund = await CreateOrganisationAsync(system, "Comparison Fund", "JP", OrganisationType.Government, "XM-TEST-CMP");
        var titles = new List<string>();
        foreach (var title in new[] { "Regional CSIRT maturity", "Critical infrastructure exercises" })
        {
            var programme = NewProgramme(fund.Name, S.ThaiPartner.Name, S.MalaysianPartner.Name);
            programme.Title = $"{title} {Guid.NewGuid().ToString("N")[..4]}";
            var created = await system.CallAsync<Programme>(HttpMethod.Post, $"/api/v1/programmes?requestId={Guid.NewGuid()}", Admin, programme);
            await system.CallAsync<Programme>(HttpMethod.Post, $"/api/v1/{created.Name}:startImplementation", Admin,
                new ChangeProgrammeStatusRequest { EffectiveDate = D(2026, 1, 5) });
            titles.Add(programme.Title);
        }

        var funder = new CallerIdentity("test-funder-cmp", "Comparison funder", CallerRole.Funder, Id(fund.Name), "JP", []);
        var (status, body) = await system.SendAsync(HttpMethod.Get, "/funder/impact", funder);
        var (_, otherFunder) = await system.SendAsync(HttpMethod.Get, "/funder/impact", S.FunderUser);

        Assert.True(status == 200, body);
        var page = WebUtility.HtmlDecode(body);
        var table = page[page.IndexOf("id=\"h-side-by-side\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.All(titles, t => Assert.Contains($"<th scope=\"col\">{t}", table, StringComparison.Ordinal));
        Assert.Contains("Unique participants", table, StringComparison.Ordinal);
        Assert.Contains("Budget per participant", table, StringComparison.Ordinal);
        Assert.DoesNotContain(S.Programme.Title, table, StringComparison.Ordinal);
        Assert.All(titles, t => Assert.DoesNotContain(t, WebUtility.HtmlDecode(otherFunder), StringComparison.Ordinal));
    }
}
