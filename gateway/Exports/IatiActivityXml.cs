using System.Globalization;
using System.Xml.Linq;
using CapacityHub.Gateway.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;

namespace CapacityHub.Gateway.Exports;

/// <summary>
/// A programme as an IATI 2.03 activity (iati-activities/iati-activity), elements in the schema's order:
/// iati-identifier, reporting-org, title, description, participating-org, activity-status, activity-date,
/// recipient-country, sector, budget, result. Indicator actuals are those of the impact dashboard, i.e.
/// computed from the Trainings service's metrics when the indicator names a metric.
/// </summary>
public static class IatiActivityXml
{
    /// <summary>The order iati-activities-schema.xsd (2.03) gives the iati-activity children used here.</summary>
    public static readonly IReadOnlyList<string> ActivityElementOrder =
    [
        "iati-identifier", "reporting-org", "title", "description", "participating-org", "other-identifier",
        "activity-status", "activity-date", "contact-info", "activity-scope", "recipient-country", "recipient-region",
        "location", "sector", "tag", "country-budget-items", "humanitarian-scope", "policy-marker", "collaboration-type",
        "default-flow-type", "default-finance-type", "default-aid-type", "default-tied-status", "budget",
        "planned-disbursement", "capital-spend", "transaction", "document-link", "related-activity", "legacy-data",
        "conditions", "result", "crs-add", "fss",
    ];

    public static XDocument Build(Programme programme, IReadOnlyDictionary<string, Organisation> organisations, ProgrammeImpact? impact, DateTimeOffset now)
    {
        var activity = new XElement("iati-activity",
            new XAttribute("last-updated-datetime", Instant(programme.Audit?.UpdateTime?.ToDateTimeOffset() ?? now)),
            new XAttribute(XNamespace.Xml + "lang", "en"),
            new XElement("iati-identifier", programme.IatiIdentifier.Length > 0 ? programme.IatiIdentifier : programme.Code),
            ReportingOrg(programme, organisations),
            new XElement("title", Narrative(programme.Title)));
        if (programme.Budgets.Select(b => b.Value?.CurrencyCode).Distinct().SingleOrDefault() is { Length: > 0 } currency)
        {
            activity.Add(new XAttribute("default-currency", currency));
        }

        if (programme.Description.Length > 0)
        {
            activity.Add(new XElement("description", new XAttribute("type", "1"), Narrative(programme.Description)));
        }

        foreach (var participant in programme.ParticipatingOrganisations)
        {
            activity.Add(Organisation("participating-org", participant.Organisation, organisations, new XAttribute("role", (int)participant.Role)));
        }

        activity.Add(new XElement("activity-status", new XAttribute("code", (int)programme.Status)));
        AddDates(activity, programme);
        AddSplit(activity, "recipient-country", programme.RecipientCountries.ToArray(), c => [new XAttribute("code", c)]);
        AddSplit(activity, "sector", programme.Themes.Select(SectorOf).Distinct().ToArray(), code => [new XAttribute("vocabulary", "1"), new XAttribute("code", code)]);
        foreach (var budget in programme.Budgets.Where(b => b.Period?.StartDate is not null && b.Value is not null))
        {
            activity.Add(new XElement("budget", new XAttribute("type", "1"), new XAttribute("status", "1"),
                new XElement("period-start", new XAttribute("iso-date", Date(budget.Period.StartDate))),
                new XElement("period-end", new XAttribute("iso-date", Date(budget.Period.EndDate ?? budget.Period.StartDate))),
                new XElement("value", new XAttribute("currency", budget.Value.CurrencyCode), new XAttribute("value-date", Date(budget.Period.StartDate)), budget.Value.Amount)));
        }

        foreach (var result in programme.Results)
        {
            activity.Add(Result(result, impact));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement("iati-activities", new XAttribute("version", "2.03"), new XAttribute("generated-datetime", Instant(now)), activity));
    }

    private static XElement ReportingOrg(Programme programme, IReadOnlyDictionary<string, Organisation> organisations)
    {
        var reporter = programme.ParticipatingOrganisations.FirstOrDefault(o => o.Role == OrganisationRole.Accountable)
            ?? programme.ParticipatingOrganisations.FirstOrDefault(o => o.Role == OrganisationRole.Funding)
            ?? programme.ParticipatingOrganisations.FirstOrDefault();
        return reporter is null
            ? new XElement("reporting-org", new XAttribute("ref", "XX-CAPACITYHUB"), new XAttribute("type", "90"), Narrative("CapacityHub"))
            : Organisation("reporting-org", reporter.Organisation, organisations);
    }

    private static XElement Organisation(string element, string name, IReadOnlyDictionary<string, Organisation> organisations, params object[] extra)
    {
        var result = new XElement(element);
        if (organisations.TryGetValue(name, out var organisation))
        {
            if (organisation.IatiIdentifier.Length > 0)
            {
                result.Add(new XAttribute("ref", organisation.IatiIdentifier));
            }

            result.Add(new XAttribute("type", IatiType(organisation.Type)));
        }
        else if (element == "reporting-org")
        {
            result.Add(new XAttribute("ref", name), new XAttribute("type", "90"));
        }

        result.Add(extra);
        result.Add(Narrative(organisation?.DisplayName ?? name));
        return result;
    }

    /// <summary>IATI OrganisationType: the cyber-specific types are public bodies, reported as other public sector.</summary>
    private static int IatiType(OrganisationType type) => (int)type switch
    {
        0 => 90,
        >= 100 => type == OrganisationType.CriticalInfrastructureOperator ? 70 : 15,
        var code => code,
    };

    /// <summary>DAC 5-digit sectors for the GFCE themes.</summary>
    private static string SectorOf(GfceTheme theme) => theme switch
    {
        GfceTheme.Cybercrime => "15130",
        GfceTheme.CyberPolicyAndStrategy or GfceTheme.IncidentManagementAndCiip => "15210",
        _ => "22040",
    };

    private static void AddDates(XElement activity, Programme programme)
    {
        void Add(int type, Common.V1.Date? date)
        {
            if (date is { Year: > 0 })
            {
                activity.Add(new XElement("activity-date", new XAttribute("type", type), new XAttribute("iso-date", Date(date))));
            }
        }

        Add(1, programme.PlannedPeriod?.StartDate);
        Add(2, programme.ActualPeriod?.StartDate);
        Add(3, programme.PlannedPeriod?.EndDate);
        Add(4, programme.ActualPeriod?.EndDate);
    }

    /// <summary>Several recipient countries or sectors share 100 percent (IATI requires the split when there is more than one).</summary>
    private static void AddSplit(XElement activity, string element, string[] codes, Func<string, object[]> attributes)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            var share = Math.Round(100m / codes.Length, 2);
            var percentage = i == codes.Length - 1 ? 100m - (share * (codes.Length - 1)) : share;
            var item = new XElement(element, attributes(codes[i]));
            if (codes.Length > 1)
            {
                item.Add(new XAttribute("percentage", percentage.ToString(CultureInfo.InvariantCulture)));
            }

            activity.Add(item);
        }
    }

    private static XElement Result(Result result, ProgrammeImpact? impact)
    {
        var element = new XElement("result", new XAttribute("type", (int)(result.Type == ResultType.Unspecified ? ResultType.Output : result.Type)),
            new XAttribute("aggregation-status", "0"), new XElement("title", Narrative(result.Title)));
        if (result.Description.Length > 0)
        {
            element.Add(new XElement("description", Narrative(result.Description)));
        }

        foreach (var indicator in result.Indicators)
        {
            var progress = impact?.Indicators.FirstOrDefault(i => i.ResultId == result.ResultId && i.IndicatorId == indicator.IndicatorId);
            var measure = indicator.Measure == IndicatorMeasure.Unspecified ? IndicatorMeasure.Unit : indicator.Measure;
            var item = new XElement("indicator", new XAttribute("measure", (int)measure), new XAttribute("ascending", indicator.Ascending ? "1" : "0"),
                new XElement("title", Narrative(indicator.Title)));
            if (indicator.Baseline is { Year: > 0 } baseline)
            {
                var element2 = new XElement("baseline", new XAttribute("year", baseline.Year));
                if (measure != IndicatorMeasure.Qualitative)
                {
                    element2.Add(new XAttribute("value", Number(baseline.Value)));
                }

                if (baseline.Comment.Length > 0)
                {
                    element2.Add(new XElement("comment", Narrative(baseline.Comment)));
                }

                item.Add(element2);
            }

            foreach (var period in indicator.Periods.Where(p => p.Period?.StartDate is not null))
            {
                var computed = progress?.Periods.FirstOrDefault(p => Equals(p.Period, period.Period));
                var periodElement = new XElement("period",
                    new XElement("period-start", new XAttribute("iso-date", Date(period.Period.StartDate))),
                    new XElement("period-end", new XAttribute("iso-date", Date(period.Period.EndDate ?? period.Period.StartDate))));
                if (period.HasTarget)
                {
                    periodElement.Add(new XElement("target", new XAttribute("value", Number(period.Target))));
                }

                double? actual = computed is { HasActual: true } ? computed.Actual : period.HasActual ? period.Actual : null;
                if (actual is { } value)
                {
                    periodElement.Add(new XElement("actual", new XAttribute("value", Number(value))));
                }

                item.Add(periodElement);
            }

            element.Add(item);
        }

        return element;
    }

    private static XElement Narrative(string text) => new("narrative", text);

    private static string Date(Common.V1.Date date) => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
