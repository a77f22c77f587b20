using CapacityHub.Common.V1;
using CapacityHub.Gateway.Web.Manager;

namespace CapacityHub.Gateway.Tests.Web;

public sealed class BudgetYearsTests
{
    [Fact]
    public void AProgrammeOfAYearOrLessKeepsOneBudget()
    {
        var shares = BudgetYears.Split(Period(2027, 1, 1, 2027, 12, 31), "250000");

        var share = Assert.Single(shares!);
        Assert.Equal("250000", share.Amount);
        Assert.Equal(31, share.Period.EndDate.Day);
    }

    [Fact]
    public void ALongerProgrammeIsSharedByDaysToThePrecisionTypedAndAddsUpExactly()
    {
        // 1 Apr 2027 – 30 Sep 2028: a full year of 366 days (29 Feb 2028) and 183 days.
        var shares = BudgetYears.Split(Period(2027, 4, 1, 2028, 9, 30), "100000.00")!;

        Assert.Equal(["66666.66", "33333.34"], shares.Select(s => s.Amount));
        Assert.Equal((2028, 3, 31), (shares[0].Period.EndDate.Year, shares[0].Period.EndDate.Month, shares[0].Period.EndDate.Day));
        Assert.Equal((2028, 4, 1), (shares[1].Period.StartDate.Year, shares[1].Period.StartDate.Month, shares[1].Period.StartDate.Day));
    }

    [Theory]
    [InlineData("forty thousand")]
    [InlineData("-5")]
    [InlineData("1,000")]
    public void AnAmountThatCannotBeReadIsLeftForTheServiceToName(string amount)
    {
        Assert.Null(BudgetYears.Split(Period(2027, 1, 1, 2029, 12, 31), amount));
    }

    [Fact]
    public void AMissingOrBackwardPeriodIsLeftForTheServiceToName()
    {
        Assert.Null(BudgetYears.Split(new DateRange { StartDate = new Date { Year = 2027, Month = 1, Day = 1 } }, "100"));
        Assert.Null(BudgetYears.Split(Period(2028, 1, 1, 2027, 1, 1), "100"));
        Assert.Null(BudgetYears.Split(Period(2027, 2, 30, 2028, 1, 1), "100"));
    }

    private static DateRange Period(int y1, int m1, int d1, int y2, int m2, int d2) => new()
    {
        StartDate = new Date { Year = y1, Month = m1, Day = d1 },
        EndDate = new Date { Year = y2, Month = m2, Day = d2 },
    };
}
