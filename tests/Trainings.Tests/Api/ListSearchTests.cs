using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Trainings.V1;
using Grpc.Core;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>Server-side search on the Trainings lists, over real HTTP/2: a manager finds people and trainings without paging through all of them.</summary>
public sealed class ListSearchTests(TrainingsTestHost host) : IClassFixture<TrainingsTestHost>
{
    private async Task<string[]> NominationEmails(ListNominationsRequest request, CapacityHub.ServiceDefaults.Identity.CallerIdentity caller)
    {
        var emails = new List<string>();
        request.PageSize = 1;
        do
        {
            var page = await host.Nominations.ListNominationsAsync(request, host.As(caller));
            emails.AddRange(page.Nominations.Select(n => n.Participant.Email));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return [.. emails];
    }

    [Fact]
    public async Task NominationsAreFoundByNameOrEmailAndByCountryAcrossPagesWithinTheCallersView()
    {
        var training = await host.OpenTrainingAsync(NewTraining(seats: 10));
        var nguyen = Person("nguyen.lan@vncert.example");
        nguyen.Participant.DisplayName = "Nguyễn Thị Lan";
        await host.Nominations.NominateAsync(new NominateRequest { Parent = training.Name, Nomination = nguyen, RequestId = Guid.NewGuid().ToString() }, host.As(VnPartner));
        await host.NominateAsync(training, "tran.binh@vncert.example");
        await host.NominateAsync(training, "somchai@thaicert.example", ThaiPartner, ThaiCert, "TH");
        await host.NominateAsync(training, "lan.niran@thaicert.example", ThaiPartner, ThaiCert, "TH");

        Assert.Equal(["nguyen.lan@vncert.example"], await NominationEmails(new ListNominationsRequest { Parent = training.Name, Query = "nguyễn thị" }, Manager));
        Assert.Equal(["nguyen.lan@vncert.example", "lan.niran@thaicert.example"], await NominationEmails(new ListNominationsRequest { Parent = training.Name, Query = "LAN" }, Manager));
        Assert.Equal(["somchai@thaicert.example", "lan.niran@thaicert.example"], await NominationEmails(new ListNominationsRequest { Parent = training.Name, CountryCode = "TH" }, Manager));
        Assert.Equal(["lan.niran@thaicert.example"], await NominationEmails(new ListNominationsRequest { Parent = training.Name, CountryCode = "TH", Query = "lan" }, Manager));
        Assert.Empty(await NominationEmails(new ListNominationsRequest { Parent = training.Name, Statuses = { NominationStatus.Approved }, Query = "lan" }, Manager));

        // A partner's search stays within its own people.
        Assert.Equal(["lan.niran@thaicert.example"], await NominationEmails(new ListNominationsRequest { Parent = training.Name, Query = "lan" }, ThaiPartner));
        Assert.Empty(await NominationEmails(new ListNominationsRequest { Parent = training.Name, CountryCode = "VN" }, ThaiPartner));
    }

    [Fact]
    public async Task TrainingsAreFoundByTitleOrVenue()
    {
        var scada = NewTraining(zone: "Asia/Bangkok");
        scada.Title = "SCADA Incident Response (Bangkok run)";
        scada.Venue.City = "Bangkok";
        var created = await host.OpenTrainingAsync(scada);
        await host.OpenTrainingAsync(NewTraining());

        var byTitle = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { Query = "scada incident", PageSize = 1000 }, host.As(Manager));
        var byCity = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { Query = "bangkok", PageSize = 1000 }, host.As(Manager));
        var none = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { Query = "no such training anywhere", PageSize = 1000 }, host.As(Manager));

        Assert.Contains(created.Name, byTitle.Trainings.Select(t => t.Name));
        Assert.All(byTitle.Trainings, t => Assert.Contains("SCADA", t.Title, StringComparison.Ordinal));
        Assert.Contains(created.Name, byCity.Trainings.Select(t => t.Name));
        Assert.Empty(none.Trainings);
    }

    [Fact]
    public async Task ABadQueryOrCountryIsRefusedNamingTheField()
    {
        var training = await host.OpenTrainingAsync(NewTraining());

        var longQuery = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { Query = new string('x', 101) }, host.As(Manager)).ResponseAsync);
        var lineBreak = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name, Query = "a\nb" }, host.As(Manager)).ResponseAsync);
        var country = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name, CountryCode = "Thailand" }, host.As(Manager)).ResponseAsync);

        Assert.All([longQuery, lineBreak, country], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal("query", Assert.Single(longQuery.FieldViolations()).Field);
        Assert.Equal("query", Assert.Single(lineBreak.FieldViolations()).Field);
        Assert.Equal("country_code", Assert.Single(country.FieldViolations()).Field);
    }
}
