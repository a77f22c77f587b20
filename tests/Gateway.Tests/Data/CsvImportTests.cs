using System.Text;
using System.Text.Json;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Tests.Data;

[Collection(RunningSystemCollection.Name)]
public sealed class CsvImportTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task EveryBadRowIsReportedAndNothingIsApplied()
    {
        var before = await CountAsync();
        var csv = "participant_id,display_name,email,country_code,sex\n"
            + "B-1,Good Person,good.b1@thaicert.example,TH,female\n"
            + "B-2,Bad Email,not-an-email,TH,male\n"
            + "B-3,Bad Country,b3@thaicert.example,XX,robot\n"
            + "B-4,Same Email,good.b1@thaicert.example,TH,\n";

        var (status, body) = await ImportAsync("nominations", csv, S.ThaiUser);

        Assert.Equal(400, status);
        var errors = RowErrors(body);
        Assert.Contains((3, "email"), errors);
        Assert.Contains((4, "country_code"), errors);
        Assert.Contains((4, "sex"), errors);
        Assert.Contains((5, "email"), errors);
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task SomeoneAlreadyNominatedIsRefusedBeforeAnythingIsSent()
    {
        var before = await CountAsync();
        var csv = "participant_id,display_name,email,country_code\n"
            + "D-1,Fresh Person,fresh.d1@thaicert.example,TH\n"
            + $"S-1,{S.Nominations[0].Participant.DisplayName},{S.Nominations[0].Participant.Email},TH\n";

        var (status, body) = await ImportAsync("nominations", csv, S.ThaiUser);

        Assert.Equal(400, status);
        Assert.Contains((3, "email"), RowErrors(body));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ARowTheServiceRefusesMidwayLeavesNoLiveNominationBehind()
    {
        // The Malaysian partner nominates someone the Thai file names too: the Thai partner cannot see it
        // beforehand, so only the Trainings service notices, on the second row.
        var shared = $"shared.{Guid.NewGuid():N}@region.example";
        var first = await ImportAsync("nominations", $"participant_id,display_name,email,country_code\nM-1,Shared Person,{shared},MY\n", S.MalaysianUser);
        Assert.Equal(200, first.Status);
        var csv = "participant_id,display_name,email,country_code\n"
            + $"R-1,Before Person,before.{Guid.NewGuid():N}@thaicert.example,TH\n"
            + $"R-2,Shared Person,{shared},TH\n"
            + $"R-3,After Person,after.{Guid.NewGuid():N}@thaicert.example,TH\n";

        var (status, body) = await ImportAsync("nominations", csv, S.ThaiUser);
        var thai = await system.CallAsync<ListNominationsResponse>(HttpMethod.Get,
            $"/api/v1/{S.Training.Name}/nominations?nominatingOrganisation={S.ThaiPartner.Name}", S.Manager);

        Assert.Equal(400, status);
        Assert.Contains(RowErrors(body), e => e.Row == 3);
        var before = Assert.Single(thai.Nominations, n => n.Participant.DisplayName == "Before Person");
        Assert.Equal(NominationStatus.Withdrawn, before.Status);
        Assert.DoesNotContain(thai.Nominations, n => n.Participant.DisplayName == "After Person");
        Assert.DoesNotContain(thai.Nominations, n => n.Participant.Email == shared);
    }

    [Fact]
    public async Task ScoresApplyInOneBatchOrNotAtAll()
    {
        var people = S.Nominations.Take(2).ToArray();
        var bad = "email,kind,score,maximum\n"
            + $"{people[0].Participant.Email},practical,70,100\n"
            + $"{people[1].Participant.Email},practical,170,100\n"
            + $"{people[1].Participant.Email},oral,1,5\n";

        var rejectedLocally = await ImportAsync("assessments", bad, S.ThaiUser);
        var rejectedByService = await ImportAsync("assessments", bad.Replace($"{people[1].Participant.Email},oral,1,5\n", "", StringComparison.Ordinal), S.ThaiUser);
        var unchanged = await system.CallAsync<Nomination>(HttpMethod.Get, $"/api/v1/{people[0].Name}", S.Manager);

        Assert.Equal(400, rejectedLocally.Status);
        Assert.Contains((4, "kind"), RowErrors(rejectedLocally.Body));
        Assert.Equal(400, rejectedByService.Status);
        Assert.Contains(RowErrors(rejectedByService.Body), e => e.Row == 3);
        Assert.DoesNotContain(unchanged.Learning?.Assessments ?? [], a => a.Kind == AssessmentKind.Practical);

        var good = await ImportAsync("assessments", $"email,kind,score,maximum\n{people[0].Participant.Email},practical,70,100\n{people[1].Participant.Email},practical,90,100\n", S.ThaiUser);
        var scored = await system.CallAsync<Nomination>(HttpMethod.Get, $"/api/v1/{people[1].Name}", S.Manager);

        Assert.Equal(200, good.Status);
        Assert.Equal(2, JsonDocument.Parse(good.Body).RootElement.GetProperty("imported").GetInt32());
        Assert.Contains(scored.Learning.Assessments, a => a.Kind == AssessmentKind.Practical && a.Score == 90);
    }

    [Fact]
    public async Task AttendanceRowsNameRealSessionDays()
    {
        var person = S.Nominations[0].Participant.Email;
        var csv = $"email,date,present\n{person},2027-02-01,yes\n{person},2027-03-01,yes\n{person},2027-02-02,maybe\n";

        var (status, body) = await ImportAsync("attendance", csv, S.Manager);
        var unchanged = await system.CallAsync<Nomination>(HttpMethod.Get, $"/api/v1/{S.Nominations[0].Name}", S.Manager);

        Assert.Equal(400, status);
        var errors = RowErrors(body);
        Assert.Contains((3, "date"), errors);
        Assert.Contains((4, "present"), errors);
        Assert.Empty(unchanged.Learning?.Attendance ?? []);
    }

    private async Task<(int Status, string Body)> ImportAsync(string what, string csv, ServiceDefaults.Identity.CallerIdentity caller) =>
        await system.SendAsync(HttpMethod.Post, $"/api/v1/{S.Training.Name}/{what}:import", caller, new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<int> CountAsync() =>
        (await system.CallAsync<ListNominationsResponse>(HttpMethod.Get, $"/api/v1/{S.Training.Name}/nominations?pageSize=1000", S.Manager)).Nominations.Count;

    private static List<(int Row, string Column)> RowErrors(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("error").GetProperty("details").EnumerateArray()
            .Where(d => d.GetProperty("@type").GetString()!.EndsWith("CsvRowErrors", StringComparison.Ordinal))
            .SelectMany(d => d.GetProperty("rowErrors").EnumerateArray())
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!))
            .ToList();
    }
}
