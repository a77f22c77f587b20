using System.Globalization;
using CapacityHub.Common.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// The new-programme form asks for one total over the planned period, but an IATI budget covers at most a year.
/// A longer programme's total is split into budgets of one programme year each (the last may be shorter), in
/// proportion to their days, kept to the precision the total was typed in; the last year takes the rounding
/// remainder so the budgets add up to exactly the total.
/// </summary>
public static class BudgetYears
{
    public sealed record Share(DateRange Period, string Amount);

    /// <summary>The yearly shares, or null when the period or amount cannot be read (the service then names the field).</summary>
    public static IReadOnlyList<Share>? Split(DateRange? planned, string amount)
    {
        if (ToDate(planned?.StartDate) is not { } start || ToDate(planned?.EndDate) is not { } end || end < start ||
            !decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var total))
        {
            return null;
        }

        var decimals = amount.Contains('.', StringComparison.Ordinal) ? amount.Length - amount.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var years = new List<(DateOnly Start, DateOnly End)>();
        for (var from = start; from <= end; from = from.AddYears(1))
        {
            var to = from.AddYears(1).AddDays(-1);
            years.Add((from, to < end ? to : end));
        }

        var totalDays = end.DayNumber - start.DayNumber + 1m;
        var shares = new List<Share>();
        var allotted = 0m;
        for (var i = 0; i < years.Count; i++)
        {
            var (from, to) = years[i];
            var value = i == years.Count - 1
                ? total - allotted
                : Math.Round(total * (to.DayNumber - from.DayNumber + 1) / totalDays, decimals, MidpointRounding.ToZero);
            allotted += value;
            shares.Add(new Share(new DateRange { StartDate = from.ToProto(), EndDate = to.ToProto() }, value.ToString("F" + decimals, CultureInfo.InvariantCulture)));
        }

        return shares;
    }

    private static DateOnly? ToDate(Date? date) => CommonTypes.IsValid(date) ? date!.ToDateOnly() : null;
}
