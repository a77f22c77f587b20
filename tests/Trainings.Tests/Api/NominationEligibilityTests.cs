using CapacityHub.Partners.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>
/// A partner nominates its own people, or, as the programme's nominating authority, people of organisations of
/// its country that take part; the participant's country is its employer's, so quotas cannot be dodged.
/// </summary>
public sealed class NominationEligibilityTests : IClassFixture<TrainingsTestHost>
{
    private const string ThaiPolice = "organisations/th-police";
    private static readonly CallerIdentity ThaiPolicePartner = new("th-police-1", "Thai police focal point", CallerRole.PartnerAgency, ThaiPolice, "TH", []);
    private readonly TrainingsTestHost host;

    public NominationEligibilityTests(TrainingsTestHost host)
    {
        this.host = host;
        host.Peers.State.Organisations[ThaiPolice] = new Organisation { Name = ThaiPolice, Type = OrganisationType.Government, CountryCode = "TH", Status = OrganisationStatus.Active };
        host.Peers.State.Beneficiaries[Programme] = [ThaiPolice];
    }

    [Fact]
    public async Task APartnerCannotNominateAnotherCountrysEmployeeToDodgeItsQuota()
    {
        var training = await host.OpenTrainingAsync(NewTraining());

        var error = await Assert.ThrowsAsync<RpcException>(() => Nominate(training, ThaiPartner, By(ThaiCert, Person("someone@vncert.example", VnCert, "BN"))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("nominating authority nominates for its own country", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclaredCountryOtherThanTheEmployersIsRefusedNamingTheField()
    {
        var training = await host.OpenTrainingAsync(NewTraining());

        var error = await Assert.ThrowsAsync<RpcException>(() => Nominate(training, ThaiPartner, Person("claims-brunei@thaicert.example", ThaiCert, "BN")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.FieldViolations(), v => v.Field == "nomination.participant.country_code" && v.Description.Contains("TH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCountryFollowsTheEmployerAndCountsAgainstItsQuota()
    {
        var training = await host.OpenTrainingAsync(NewTraining(quotas: new Quota { Scope = QuotaScope.Country, Key = "TH", Seats = 1 }));

        var first = await Nominate(training, ThaiPartner, Person("first@thaicert.example", ThaiCert, ""));
        var second = await Assert.ThrowsAsync<RpcException>(() => Nominate(training, ThaiPartner, Person("second@thaicert.example", ThaiCert, "")));

        Assert.Equal("TH", first.Participant.CountryCode);
        Assert.Equal(StatusCode.FailedPrecondition, second.StatusCode);
        Assert.Contains("quota for country TH is used up", second.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNominatingAuthorityNominatesForParticipatingOrganisationsOfItsCountryAndBeneficiariesOnlyForThemselves()
    {
        var training = await host.OpenTrainingAsync(NewTraining());

        var forPolice = await Nominate(training, ThaiPartner, By(ThaiCert, Person("officer@police.example", ThaiPolice, "")));
        var own = await Nominate(training, ThaiPolicePartner, Person("inspector@police.example", ThaiPolice, ""));
        var error = await Assert.ThrowsAsync<RpcException>(() => Nominate(training, ThaiPolicePartner, By(ThaiPolice, Person("analyst@thaicert.example", ThaiCert, "TH"))));

        Assert.Equal(ThaiPolice, forPolice.Participant.Organisation);
        Assert.Equal(ThaiCert, forPolice.NominatingOrganisation);
        Assert.Equal("TH", own.Participant.CountryCode);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("it is not a nominating authority of this programme", error.Detail, StringComparison.Ordinal);
    }

    private static Nomination By(string nominatingOrganisation, Nomination nomination)
    {
        nomination.NominatingOrganisation = nominatingOrganisation;
        return nomination;
    }

    private async Task<Nomination> Nominate(Training training, CallerIdentity caller, Nomination nomination) =>
        await host.Nominations.NominateAsync(new NominateRequest { Parent = training.Name, Nomination = nomination, RequestId = Guid.NewGuid().ToString() }, host.As(caller));
}
