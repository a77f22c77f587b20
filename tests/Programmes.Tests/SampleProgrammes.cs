using CapacityHub.Common.V1;
using CapacityHub.Programmes.V1;

namespace CapacityHub.Programmes.Tests;

/// <summary>A valid programme modelled on the Japan-U.S. ICS training for the Indo-Pacific.</summary>
internal static class SampleProgrammes
{
    public const string Meti = "organisations/meti";
    public const string Etda = "organisations/etda";
    public const string Ipa = "organisations/ipa";

    public static Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    public static DateRange Range(Date start, Date end) => new() { StartDate = start, EndDate = end };

    public static Programme IcsTraining(string code = "JPUS-ICS") => new()
    {
        Code = code,
        IatiIdentifier = $"XM-DAC-701-1-{code}",
        Title = "Japan-U.S. Industrial Control Systems Cybersecurity Training for the Indo-Pacific",
        PlannedPeriod = Range(D(2018, 4, 1), D(2020, 3, 31)),
        Themes = { GfceTheme.IncidentManagementAndCiip, GfceTheme.CyberCultureAndSkills },
        RecipientCountries = { "TH", "MY", "VN" },
        RecipientRegions = { RegionGroup.Asean },
        ParticipatingOrganisations =
        {
            new ParticipatingOrganisation { Organisation = Meti, Role = OrganisationRole.Funding },
            new ParticipatingOrganisation { Organisation = Ipa, Role = OrganisationRole.Implementing, LocalRoles = { LocalRole.Host } },
            new ParticipatingOrganisation { Organisation = Etda, Role = OrganisationRole.Extending, LocalRoles = { LocalRole.NominatingAuthority } },
        },
        Budgets =
        {
            new Budget { Funder = Meti, Period = Range(D(2018, 4, 1), D(2019, 3, 31)), Value = new Money { CurrencyCode = "JPY", Amount = "48000000" } },
        },
        FunderShares = { new FunderShare { Funder = Meti, SharePercent = 100 } },
        Results =
        {
            new Result
            {
                Type = ResultType.Output,
                KirkpatrickLevel = KirkpatrickLevel.Learning,
                Title = "ICS security practitioners trained",
                Indicators =
                {
                    new Indicator
                    {
                        Title = "Participants completing the training",
                        Measure = IndicatorMeasure.Unit,
                        Ascending = true,
                        Metric = ImpactMetric.Completers,
                        Periods = { new IndicatorPeriod { Period = Range(D(2018, 4, 1), D(2019, 3, 31)), Target = 30 } },
                    },
                },
            },
        },
    };
}
