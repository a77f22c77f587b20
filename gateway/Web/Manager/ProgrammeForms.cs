using CapacityHub.Common.V1;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// Form text to Programme, Result and Indicator messages. Inputs are named by the API's field paths, so the
/// service's field violations come back next to them; anything unreadable is left unset for the service to name.
/// </summary>
public static class ProgrammeForms
{
    /// <summary>How many participating organisations the new-programme form offers rows for; more are added on the programme's page.</summary>
    public const int OrganisationRows = 8;

    /// <summary>The form's choices: the API's enum name and the English text shown (and translated) for it.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Themes =
    [
        (nameof(GfceTheme.CyberPolicyAndStrategy), "Cyber policy and strategy"),
        (nameof(GfceTheme.IncidentManagementAndCiip), "Incident management and CIIP"),
        (nameof(GfceTheme.Cybercrime), "Cybercrime"),
        (nameof(GfceTheme.CyberCultureAndSkills), "Cyber culture and skills"),
        (nameof(GfceTheme.CybersecurityStandards), "Cybersecurity standards"),
    ];

    /// <summary>The roles a form offers; each reads as its status word (<see cref="Formats.Words{TEnum}"/>).</summary>
    public static readonly IReadOnlyList<OrganisationRole> OrganisationRoles =
        [OrganisationRole.Funding, OrganisationRole.Accountable, OrganisationRole.Extending, OrganisationRole.Implementing];

    public static readonly IReadOnlyList<LocalRole> LocalRoles = [LocalRole.NominatingAuthority, LocalRole.Beneficiary, LocalRole.Host];

    public static Programme Programme(IFormCollection form, string creator)
    {
        var programme = new Programme
        {
            Code = form["code"].ToString().Trim(),
            Title = form["title"].ToString().Trim(),
            Description = form["description"].ToString().Trim(),
            PlannedPeriod = new DateRange { StartDate = Formats.ParseDate(form["planned_period.start_date"]), EndDate = Formats.ParseDate(form["planned_period.end_date"]) },
        };
        programme.Managers.Add(creator);
        programme.Themes.AddRange(form["themes"].Select(t => Enum.TryParse<GfceTheme>(t, out var theme) ? theme : GfceTheme.Unspecified));
        programme.RecipientCountries.AddRange(Formats.List(form["recipient_countries"]).Select(c => c.ToUpperInvariant()));
        for (var i = 0; i < OrganisationRows; i++)
        {
            var organisation = form[$"participating_organisations[{i}].organisation"].ToString().Trim();
            if (organisation.Length == 0)
            {
                continue;
            }

            var row = new ParticipatingOrganisation
            {
                Organisation = organisation,
                Role = Enum.TryParse<OrganisationRole>(form[$"participating_organisations[{i}].role"], out var role) ? role : OrganisationRole.Unspecified,
            };
            row.LocalRoles.AddRange(form[$"participating_organisations[{i}].local_roles"].Select(r => Enum.TryParse<LocalRole>(r, out var local) ? local : LocalRole.Unspecified));
            programme.ParticipatingOrganisations.Add(row);
        }

        var amount = form["budgets[0].value.amount"].ToString().Trim();
        if (amount.Length > 0)
        {
            var funder = form["budgets[0].funder"].ToString().Trim();
            var currency = form["budgets[0].value.currency_code"].ToString().Trim().ToUpperInvariant();
            var shares = BudgetYears.Split(programme.PlannedPeriod, amount) ?? [new BudgetYears.Share(programme.PlannedPeriod.Clone(), amount)];
            programme.Budgets.AddRange(shares.Select(share => new Budget
            {
                Funder = funder,
                Period = share.Period,
                Value = new Money { CurrencyCode = currency, Amount = share.Amount },
            }));
        }

        return programme;
    }

    public static Result Result(IFormCollection form) => new()
    {
        Title = form["title"].ToString().Trim(),
        Description = form["description"].ToString().Trim(),
        Type = Enum.TryParse<ResultType>(form["type"], out var type) ? type : ResultType.Unspecified,
        KirkpatrickLevel = Enum.TryParse<KirkpatrickLevel>(form["kirkpatrick_level"], out var level) ? level : KirkpatrickLevel.Unspecified,
    };

    /// <summary>An indicator with its baseline and one target period; further periods are added the same way.</summary>
    public static Indicator Indicator(IFormCollection form)
    {
        var indicator = new Indicator
        {
            Title = form["title"].ToString().Trim(),
            Measure = Enum.TryParse<IndicatorMeasure>(form["measure"], out var measure) ? measure : IndicatorMeasure.Unspecified,
            Metric = Enum.TryParse<ImpactMetric>(form["metric"], out var metric) ? metric : ImpactMetric.Unspecified,
            Ascending = form["ascending"] != "false",
        };
        if (form["baseline.year"].ToString().Trim().Length > 0)
        {
            indicator.Baseline = new Baseline
            {
                Year = Formats.ParseInt(form["baseline.year"]),
                Value = Formats.ParseNumber(form["baseline.value"]) ?? 0,
                Comment = form["baseline.comment"].ToString().Trim(),
            };
        }

        var period = new IndicatorPeriod
        {
            Period = new DateRange { StartDate = Formats.ParseDate(form["periods[0].period.start_date"]), EndDate = Formats.ParseDate(form["periods[0].period.end_date"]) },
        };
        if (Formats.ParseNumber(form["periods[0].target"]) is { } target)
        {
            period.Target = target;
        }

        if (period.Period.StartDate is not null || period.Period.EndDate is not null || period.HasTarget)
        {
            indicator.Periods.Add(period);
        }

        return indicator;
    }
}
