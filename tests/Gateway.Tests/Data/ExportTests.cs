using System.Text;
using System.Xml.Linq;
using CapacityHub.Gateway.Exports;
using CapacityHub.Gateway.V1;

namespace CapacityHub.Gateway.Tests.Data;

[Collection(RunningSystemCollection.Name)]
public sealed class ExportTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task IatiActivityHasItsElementsInSchemaOrderWithTheRequiredAttributes()
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, $"/api/v1/{S.Programme.Name}:exportIati", S.Manager);
        // IATI XML is public: its actuals are the funder view whoever exports it.
        var dashboard = await system.CallAsync<ImpactDashboard>(HttpMethod.Get, $"/api/v1/impactDashboard?programmes={S.Programme.Name}&funderView=true", S.Manager);

        Assert.Equal(200, status);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal("iati-activities", root.Name.LocalName);
        Assert.Equal("2.03", (string?)root.Attribute("version"));
        var activity = Assert.Single(root.Elements("iati-activity"));
        var order = activity.Elements().Select(e => IatiActivityXml.ActivityElementOrder.ToList().IndexOf(e.Name.LocalName)).ToArray();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order().ToArray(), order);
        Assert.Equal(S.Programme.IatiIdentifier, activity.Element("iati-identifier")!.Value);
        Require(activity.Element("reporting-org")!, "ref", "type");
        Assert.All(activity.Elements("participating-org"), e => Require(e, "role"));
        Assert.Equal("2", (string?)activity.Element("activity-status")!.Attribute("code"));
        Assert.All(activity.Elements("activity-date"), e => Require(e, "type", "iso-date"));
        Assert.Equal(100m, activity.Elements("recipient-country").Sum(e => decimal.Parse((string)e.Attribute("percentage")!, System.Globalization.CultureInfo.InvariantCulture)));
        var budget = Assert.Single(activity.Elements("budget"));
        Require(budget.Element("period-start")!, "iso-date");
        Require(budget.Element("value")!, "currency", "value-date");
        var result = Assert.Single(activity.Elements("result"));
        Require(result, "type");
        Assert.Equal(["title", "indicator", "indicator"], result.Elements().Select(e => e.Name.LocalName));
        var indicator = result.Elements("indicator").First();
        Require(indicator, "measure");
        Assert.Equal(["title", "baseline", "period"], indicator.Elements().Select(e => e.Name.LocalName));
        var period = indicator.Element("period")!;
        Assert.Equal(["period-start", "period-end", "target", "actual"], period.Elements().Select(e => e.Name.LocalName));
        var computed = dashboard.Programmes[0].Indicators[0].Periods[0].Actual;
        Assert.Equal(computed, double.Parse((string)period.Element("actual")!.Attribute("value")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CalendarHasOneEventPerSessionDayInUtcWithFoldedEscapedLines()
    {
        using var response = await system.Web.SendAsync(system.Request(HttpMethod.Get, $"/api/v1/{S.Training.Name}:exportCalendar", S.ThaiUser));
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain('\n', ics.Replace("\r\n", "", StringComparison.Ordinal));
        var physical = ics.Split("\r\n")[..^1];
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(physical, line => line.StartsWith(' '));
        var lines = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        // 09:00 in Bangkok (UTC+7) is 02:00 UTC.
        Assert.Contains("DTSTART:20270201T020000Z", lines);
        Assert.Contains("DTEND:20270202T100000Z", lines);
        Assert.Contains(@"SUMMARY:Incident Response\, Fundamentals\; Hands-on (day 1 of 2)", lines);
        Assert.Equal(2, lines.Count(l => l.StartsWith("UID:", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).Distinct().Count());
    }

    private static void Require(XElement element, params string[] attributes)
    {
        foreach (var attribute in attributes)
        {
            Assert.False(string.IsNullOrEmpty((string?)element.Attribute(attribute)), $"<{element.Name}> needs @{attribute}");
        }
    }
}
