using CapacityHub.Common.V1;
using CapacityHub.Programmes.Domain;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Validation;
using static CapacityHub.Programmes.Tests.SampleProgrammes;

namespace CapacityHub.Programmes.Tests.Domain;

public sealed class ProgrammeRulesTests
{
    private static IReadOnlyList<string> FieldsWithErrors(Programme p)
    {
        var errors = new FieldErrors();
        ProgrammeRules.Validate(p, "programme", errors);
        return [.. errors.Violations.Select(v => v.Field)];
    }

    [Fact]
    public void SampleProgrammeIsValid() => Assert.Empty(FieldsWithErrors(IcsTraining()));

    [Fact]
    public void ReportsEveryBadFieldWithItsPath()
    {
        var p = IcsTraining();
        p.Code = "";
        p.Title = "";
        p.PlannedPeriod = Range(D(2020, 1, 1), D(2019, 1, 1));
        p.RecipientCountries.Add("UK");
        p.Budgets[0].Value.Amount = "-5";
        p.Budgets[0].Value.CurrencyCode = "YEN";

        var fields = FieldsWithErrors(p);

        Assert.Contains("programme.code", fields);
        Assert.Contains("programme.title", fields);
        Assert.Contains("programme.planned_period.end_date", fields);
        Assert.Contains("programme.recipient_countries", fields);
        Assert.Contains("programme.budgets[0].value.amount", fields);
        Assert.Contains("programme.budgets[0].value.currency_code", fields);
    }

    [Fact]
    public void RejectsImpossibleCalendarDate()
    {
        var p = IcsTraining();
        p.PlannedPeriod.EndDate = D(2019, 2, 29);
        Assert.Contains("programme.planned_period.end_date", FieldsWithErrors(p));
    }

    [Fact]
    public void BudgetFunderMustParticipateAsFunder()
    {
        var p = IcsTraining();
        p.Budgets[0].Funder = Etda;
        Assert.Contains("programme.budgets[0].funder", FieldsWithErrors(p));
    }

    [Fact]
    public void BudgetPeriodLongerThanAYearIsRejected()
    {
        var p = IcsTraining();
        p.Budgets[0].Period = Range(D(2018, 4, 1), D(2019, 4, 1));
        Assert.Contains("programme.budgets[0].period", FieldsWithErrors(p));
    }

    [Fact]
    public void FunderSharesMustAddUpToHundred()
    {
        var p = IcsTraining();
        p.FunderShares[0].SharePercent = 60;
        Assert.Contains("programme.funder_shares", FieldsWithErrors(p));
    }

    [Fact]
    public void DuplicateParticipantAndMissingRoleAreReported()
    {
        var p = IcsTraining();
        p.ParticipatingOrganisations.Add(new ParticipatingOrganisation { Organisation = Etda });
        var fields = FieldsWithErrors(p);
        Assert.Contains("programme.participating_organisations[3].organisation", fields);
        Assert.Contains("programme.participating_organisations[3].role", fields);
    }

    [Fact]
    public void OverlappingIndicatorPeriodsAreRejected()
    {
        var p = IcsTraining();
        p.Results[0].Indicators[0].Periods.Add(new IndicatorPeriod { Period = Range(D(2019, 3, 1), D(2020, 3, 31)) });
        Assert.Contains("programme.results[0].indicators[0].periods[1].period", FieldsWithErrors(p));
    }

    [Fact]
    public void PercentageTargetAboveHundredIsRejected()
    {
        var p = IcsTraining();
        p.Results[0].Indicators[0].Measure = IndicatorMeasure.Percentage;
        p.Results[0].Indicators[0].Periods[0].Target = 140;
        Assert.Contains("programme.results[0].indicators[0].periods[0].target", FieldsWithErrors(p));
    }

    [Fact]
    public void UnknownEnumNumberIsRejected()
    {
        var p = IcsTraining();
        p.Themes.Add((GfceTheme)42);
        Assert.Contains("programme.themes", FieldsWithErrors(p));
    }

    [Fact]
    public void AssignIdsKeepsExistingAndNumbersTheRest()
    {
        var p = IcsTraining();
        p.Results[0].ResultId = "r4";
        p.Results.Add(new Result { Type = ResultType.Outcome, Title = "Applied", Indicators = { new Indicator { Title = "x", Measure = IndicatorMeasure.Unit } } });

        ResultsFramework.AssignIds(p);

        Assert.Equal("r4", p.Results[0].ResultId);
        Assert.Equal("r5", p.Results[1].ResultId);
        Assert.Equal("i1", p.Results[1].Indicators[0].IndicatorId);
    }

    [Fact]
    public void MoneyAmountMustBeDecimal()
    {
        var errors = new FieldErrors();
        errors.Money("m", new Money { CurrencyCode = "USD", Amount = "1,000" });
        errors.Money("ok", new Money { CurrencyCode = "USD", Amount = "1000.50" });
        Assert.Equal(["m.amount"], errors.Violations.Select(v => v.Field));
    }
}
