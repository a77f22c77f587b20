using CapacityHub.Partners.Domain;
using CapacityHub.Partners.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Partners.Tests.Domain;

public sealed class OrganisationRulesTests
{
    private static List<string> FieldsWithErrors(Organisation o)
    {
        var errors = new FieldErrors();
        OrganisationRules.Validate(o, "organisation", errors);
        return [.. errors.Violations.Select(v => v.Field)];
    }

    [Fact]
    public void SampleOrganisationIsValid() => Assert.Empty(FieldsWithErrors(SamplePartners.Cert()));

    [Fact]
    public void ReportsEveryBadField()
    {
        var o = SamplePartners.Cert();
        o.DisplayName = "";
        o.Type = OrganisationType.Unspecified;
        o.CountryCode = "vn";
        o.IatiIdentifier = "not an id";
        o.Contacts[0].Email = "nobody";
        o.Contacts[0].Roles.Clear();

        var fields = FieldsWithErrors(o);

        Assert.Equal(
            ["organisation.iati_identifier", "organisation.display_name", "organisation.type", "organisation.country_code", "organisation.contacts[0].email", "organisation.contacts[0].roles"],
            fields);
    }

    [Fact]
    public void DefaultsUseIsoNameOnlyWhenNoDisplayNameGiven()
    {
        var vietnam = SamplePartners.Cert();
        OrganisationRules.ApplyDefaults(vietnam);
        Assert.Equal("Viet Nam", vietnam.CountryDisplayName);
        Assert.Equal(OrganisationStatus.Active, vietnam.Status);

        var own = SamplePartners.Cert();
        own.CountryDisplayName = "Vietnam";
        OrganisationRules.ApplyDefaults(own);
        Assert.Equal("Vietnam", own.CountryDisplayName);
    }

    [Theory]
    [InlineData("JP", true)]
    [InlineData("TH", true)]
    [InlineData("UK", false)]
    [InlineData("jp", false)]
    [InlineData("JPN", false)]
    public void CountryCodesAreAssignedUpperCaseAlpha2(string code, bool valid) => Assert.Equal(valid, CountryCodes.IsAssigned(code));

    [Fact]
    public void AgreementNeedsTwoDistinctPartiesAndGrantsAnAmount()
    {
        var a = SamplePartners.Mou("organisations/a", "organisations/a");
        a.Type = AgreementType.Grant;
        a.ReportingSchedule.DueDays = 400;
        var errors = new FieldErrors();

        AgreementRules.Validate(a, "agreement", errors);

        var fields = errors.Violations.Select(v => v.Field).ToList();
        Assert.Contains("agreement.parties[1]", fields);
        Assert.Contains("agreement.amount", fields);
        Assert.Contains("agreement.reporting_schedule.due_days", fields);
    }
}
