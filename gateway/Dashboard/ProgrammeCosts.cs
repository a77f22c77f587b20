using System.Globalization;
using CapacityHub.Common.V1;
using CapacityHub.Gateway.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Dashboard;

/// <summary>
/// Cost per participant and per completer: budgets per currency (never converted) over the people the
/// metrics count. Only budgets of the funder filter, and overlapping the period filter, are summed; a
/// suppressed count suppresses the cost too, since budget ÷ cost would reveal it.
/// </summary>
public static class ProgrammeCosts
{
    public static IReadOnlyDictionary<string, decimal> Budgets(IEnumerable<Programme> programmes, string? funder, DateRange? period)
    {
        var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var budget in programmes.SelectMany(p => p.Budgets))
        {
            if (budget.Value is null || (funder is not null && budget.Funder != funder) || !Overlaps(budget.Period, period))
            {
                continue;
            }

            if (decimal.TryParse(budget.Value.Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                totals[budget.Value.CurrencyCode] = totals.GetValueOrDefault(budget.Value.CurrencyCode) + amount;
            }
        }

        return totals;
    }

    public static IEnumerable<CostPerParticipant> PerParticipant(IReadOnlyDictionary<string, decimal> budgets, ImpactMetrics metrics)
    {
        double? participants = metrics.UniqueParticipants is { Suppressed: false, HasValue: true, Value: > 0 } unique ? unique.Value : null;
        double? completers = metrics.CompletionRate is { Suppressed: false, Numerator: > 0 } completion ? completion.Numerator : null;
        foreach (var (currency, amount) in budgets)
        {
            var cost = new CostPerParticipant
            {
                Budget = new Money { CurrencyCode = currency, Amount = amount.ToString(CultureInfo.InvariantCulture) },
            };
            if (participants is { } p)
            {
                cost.PerParticipant = (double)amount / p;
            }

            if (completers is { } c)
            {
                cost.PerCompleter = (double)amount / c;
            }

            yield return cost;
        }
    }

    private static bool Overlaps(DateRange? budget, DateRange? period)
    {
        if (period?.StartDate is null || budget?.StartDate is null)
        {
            return true;
        }

        var start = period.StartDate.ToDateOnly();
        var end = period.EndDate is null ? DateOnly.MaxValue : period.EndDate.ToDateOnly();
        var budgetEnd = budget.EndDate is null ? DateOnly.MaxValue : budget.EndDate.ToDateOnly();
        return budget.StartDate.ToDateOnly() <= end && budgetEnd >= start;
    }
}
