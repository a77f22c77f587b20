using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Tests.Data;

[Collection(RunningSystemCollection.Name)]
public sealed class RestFaceTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task OpenApiDocumentHasEveryAnnotatedRpcWithTheBearerSchemeAndNothingButTheApi()
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, "/openapi/v1.json", null);
        Assert.True(status == 200, body);
        using var document = JsonDocument.Parse(body);
        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "patch" or "delete").Select(o => (Path: p.Name, Verb: o.Name)))
            .ToList();
        var annotated = AnnotatedRpcs.All();

        Assert.All(annotated, a => Assert.True(a.Rule is not null, $"{a.Method.FullName} has no google.api.http annotation"));
        Assert.True(operations.Count >= annotated.Count + 5, $"{operations.Count} operations for {annotated.Count} annotated RPCs and 5 uploads/exports:\n{string.Join("\n", operations)}");
        Assert.All(operations, o => Assert.StartsWith("/api/v1/", o.Path, StringComparison.Ordinal));
        Assert.Contains(operations, o => o.Path == "/api/v1/trainings/{training}/nominations:import" && o.Verb == "post");
        Assert.Contains(operations, o => o.Path == "/api/v1/trainings/{training}/nominations/{nomination}:approve" && o.Verb == "post");
        Assert.Contains(operations, o => o.Path == "/api/v1/programmes/{programme}" && o.Verb == "patch");
        var bearer = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal("bearer", document.RootElement.GetProperty("security")[0].EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task InteractiveReferenceIsServedAtApiDocs()
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, "/api/docs", null);

        Assert.Equal(200, status);
        Assert.Contains("CapacityHub API", body, StringComparison.Ordinal);
        Assert.Contains("scalar", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ListsAreSearchedServerSideThroughQueryParameters()
    {
        var someone = S.Nominations[0].Participant;
        var (status, body) = await system.SendAsync(HttpMethod.Get,
            $"/api/v1/{S.Training.Name}/nominations?query={Uri.EscapeDataString(someone.Email.ToUpperInvariant())}&countryCode={someone.CountryCode}", S.Manager);
        Assert.True(status == 200, body);
        using var found = JsonDocument.Parse(body);
        var emails = found.RootElement.GetProperty("nominations").EnumerateArray().Select(n => n.GetProperty("participant").GetProperty("email").GetString()!).ToList();
        Assert.Contains(someone.Email, emails);
        Assert.All(emails, e => Assert.Contains(someone.Email, e, StringComparison.OrdinalIgnoreCase));

        var (orgStatus, orgBody) = await system.SendAsync(HttpMethod.Get, $"/api/v1/organisations?pageSize=1000&query={Uri.EscapeDataString(S.ThaiPartner.DisplayName[..5].ToLowerInvariant())}", S.Manager);
        Assert.True(orgStatus == 200, orgBody);
        Assert.Contains(S.ThaiPartner.Name, orgBody, StringComparison.Ordinal);
        Assert.DoesNotContain(S.MalaysianPartner.Name, orgBody, StringComparison.Ordinal);

        var (badStatus, badBody) = await system.SendAsync(HttpMethod.Get, $"/api/v1/{S.Training.Name}/nominations?query={new string('x', 101)}", S.Manager);
        Assert.Equal(400, badStatus);
        Assert.Contains("query", badBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponsesUseTheProtobufJsonMapping()
    {
        var (status, body) = await system.SendAsync(HttpMethod.Get, $"/api/v1/{S.Programme.Name}", S.Manager);
        using var json = JsonDocument.Parse(body);

        Assert.Equal(200, status);
        Assert.Equal("ACTIVITY_STATUS_IMPLEMENTATION", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(2027, json.RootElement.GetProperty("budgets")[0].GetProperty("period").GetProperty("startDate").GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task GrpcStatusesBecomeHttpStatusesWithAip193Bodies()
    {
        var unauthenticated = await system.SendAsync(HttpMethod.Get, "/api/v1/programmes", null);
        var missing = await system.SendAsync(HttpMethod.Get, "/api/v1/programmes/no-such-programme", Scenario.Admin);
        var invalid = await system.SendAsync(HttpMethod.Post, "/api/v1/programmes?requestId=r-invalid", Scenario.Admin,
            new StringContent("""{"title":""}""", Encoding.UTF8, "application/json"));
        var notJson = await system.SendAsync(HttpMethod.Post, "/api/v1/programmes", Scenario.Admin,
            new StringContent("""{"titel": "x"}""", Encoding.UTF8, "application/json"));
        var denied = await system.SendAsync(HttpMethod.Post, "/api/v1/programmes?requestId=r-funder", S.FunderUser,
            new StringContent("""{"code":"X"}""", Encoding.UTF8, "application/json"));
        var stale = await system.SendAsync(HttpMethod.Patch, $"/api/v1/{S.Programme.Name}?updateMask=title", Scenario.Admin,
            new StringContent("""{"title":"Renamed","etag":"stale-etag"}""", Encoding.UTF8, "application/json"));
        var badQuery = await system.SendAsync(HttpMethod.Get, "/api/v1/programmes?colour=blue", Scenario.Admin);

        AssertError(unauthenticated, 401, "UNAUTHENTICATED");
        using (var challenge = await system.Web.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/programmes")))
        {
            Assert.Equal("Bearer", challenge.Headers.WwwAuthenticate.Single().Scheme);
        }

        AssertError(missing, 404, "NOT_FOUND");
        AssertError(invalid, 400, "INVALID_ARGUMENT");
        Assert.Contains("programme.code", Violations(invalid.Body));
        AssertError(notJson, 400, "INVALID_ARGUMENT");
        AssertError(denied, 403, "PERMISSION_DENIED");
        AssertError(stale, 409, "ABORTED");
        AssertError(badQuery, 400, "INVALID_ARGUMENT");
        Assert.Contains("colour", Violations(badQuery.Body));
    }

    [Fact]
    public async Task BodiesOverTheLimitGet413NeverATooManyRequestsAndNothingIsStored()
    {
        var before = await system.CallAsync<ListProgrammesResponse>(HttpMethod.Get, "/api/v1/programmes?pageSize=1000", Scenario.Admin);
        var huge = "{\"title\":\"" + new string('x', 5 * 1024 * 1024) + "\"}";
        // As a well-behaved client sends a large body: the gateway refuses it from its Content-Length alone.
        using var request = system.Request(HttpMethod.Post, "/api/v1/programmes?requestId=r-huge", Scenario.Admin, new StringContent(huge, Encoding.UTF8, "application/json"));
        request.Headers.ExpectContinue = true;
        using var response = await system.Web.SendAsync(request);
        var (status, body) = ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        var after = await system.CallAsync<ListProgrammesResponse>(HttpMethod.Get, "/api/v1/programmes?pageSize=1000", Scenario.Admin);

        Assert.Equal(413, status);
        Assert.Contains("limit", body, StringComparison.Ordinal);
        Assert.Equal(before.Programmes.Count, after.Programmes.Count);
    }

    [Fact]
    public async Task UnknownEnumNamesAndWrongTypesNameTheField()
    {
        var badEnum = await system.SendAsync(HttpMethod.Get, $"/api/v1/{S.Training.Name}/nominations?statuses=NOMINATION_STATUS_MAYBE", S.Manager);
        var wrongType = await system.SendAsync(HttpMethod.Get, "/api/v1/programmes?pageSize=many", Scenario.Admin);
        var badBody = await system.SendAsync(HttpMethod.Post, $"/api/v1/{S.Training.Name}:schedule", S.Manager,
            new StringContent("""{"sessionDays": "monday"}""", Encoding.UTF8, "application/json"));

        AssertError(badEnum, 400, "INVALID_ARGUMENT");
        Assert.Contains("NOMINATION_STATUS_MAYBE", badEnum.Body, StringComparison.Ordinal);
        AssertError(wrongType, 400, "INVALID_ARGUMENT");
        AssertError(badBody, 400, "INVALID_ARGUMENT");
        Assert.Contains("body", Violations(badBody.Body));
    }

    [Fact]
    public async Task CookieSignedWritesNeedTheAntiforgeryTokenButBearerCallsDoNot()
    {
        var token = system.TokenFor(S.Manager);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/{S.Training.Name}");
        read.Headers.Add("Cookie", $"{AuthenticationSetup.SessionCookie}={token}");
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/v1/trainings:checkConflicts")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        write.Headers.Add("Cookie", $"{AuthenticationSetup.SessionCookie}={token}");
        var bearer = system.Request(HttpMethod.Post, "/api/v1/trainings:checkConflicts", S.Manager, new StringContent("{}", Encoding.UTF8, "application/json"));

        using var readResponse = await system.Web.SendAsync(read);
        using var writeResponse = await system.Web.SendAsync(write);
        using var bearerResponse = await system.Web.SendAsync(bearer);

        Assert.Equal(200, (int)readResponse.StatusCode);
        Assert.Equal(403, (int)writeResponse.StatusCode);
        Assert.Contains("antiforgery", await writeResponse.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // The bearer call reaches the Trainings service, whatever it then answers about an empty proposal.
        Assert.NotEqual(403, (int)bearerResponse.StatusCode);
    }

    [Fact]
    public async Task ListsExportAsCsvWithEveryItem()
    {
        var list = await system.CallAsync<ListNominationsResponse>(HttpMethod.Get, $"/api/v1/{S.Training.Name}/nominations", S.Manager);
        var request = system.Request(HttpMethod.Get, $"/api/v1/{S.Training.Name}/nominations", S.Manager);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await system.Web.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("participant.email", header);
        Assert.Contains("status", header);
        Assert.Equal(list.Nominations.Count, lines.Length - 1);
        Assert.All(list.Nominations, n => Assert.Contains(n.Participant.Email, csv, StringComparison.Ordinal));
        var programmes = await system.SendAsync(HttpMethod.Get, "/api/v1/programmes?$alt=csv", Scenario.Admin);
        Assert.Contains(S.Programme.Code, programmes.Body, StringComparison.Ordinal);
    }

    private static void AssertError((int Status, string Body) response, int status, string name)
    {
        Assert.True(response.Status == status, $"expected {status}, got {response.Status}: {response.Body}");
        using var json = JsonDocument.Parse(response.Body);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.Equal(name, error.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    private static string[] Violations(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("error").GetProperty("details").EnumerateArray()
            .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
            .Select(v => v.GetProperty("field").GetString()!)
            .ToArray();
    }
}
