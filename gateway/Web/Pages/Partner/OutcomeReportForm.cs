using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Pages.Partner;

/// <summary>What a partner types into an outcome report; one indicator value per save.</summary>
public sealed class OutcomeReportForm
{
    public string? RequestId { get; set; }

    public string? Etag { get; set; }

    public string? Programme { get; set; }

    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    public string? DueDate { get; set; }

    public string? Narrative { get; set; }

    public string? EvidenceLinks { get; set; }

    /// <summary>"{result_id}/{indicator_id}", or empty for none.</summary>
    public string? Indicator { get; set; }

    public string? Value { get; set; }

    public string? Female { get; set; }

    public string? Male { get; set; }

    public string? Comment { get; set; }

    /// <summary>"1" when the partner chose to submit for review after saving.</summary>
    public string? Submit { get; set; }

    /// <summary>The form as a saved report shows it, for editing.</summary>
    public static OutcomeReportForm From(OutcomeReport report)
    {
        var first = report.IndicatorValues.FirstOrDefault();
        return new OutcomeReportForm
        {
            Etag = report.Etag,
            Narrative = report.Narrative,
            EvidenceLinks = string.Join(", ", report.EvidenceLinks),
            Indicator = first is null ? "" : $"{first.ResultId}/{first.IndicatorId}",
            Value = first is null ? "" : Formats.Number(first.Value),
            Female = first?.HasFemale == true ? Formats.Number(first.Female) : "",
            Male = first?.HasMale == true ? Formats.Number(first.Male) : "",
            Comment = first?.Comment ?? "",
        };
    }

    /// <summary>The editable part into the report: narrative, evidence links and the indicator value typed in.</summary>
    public void FillInto(OutcomeReport report)
    {
        report.Narrative = Narrative?.Trim() ?? "";
        report.EvidenceLinks.AddRange(Formats.List(EvidenceLinks));
        var indicator = (Indicator ?? "").Split('/', 2);
        if (indicator.Length == 2 && Formats.ParseNumber(Value) is { } value)
        {
            var entry = new IndicatorValue { ResultId = indicator[0], IndicatorId = indicator[1], Value = value, Comment = Comment?.Trim() ?? "" };
            if (Formats.ParseNumber(Female) is { } female)
            {
                entry.Female = female;
            }

            if (Formats.ParseNumber(Male) is { } male)
            {
                entry.Male = male;
            }

            report.IndicatorValues.Add(entry);
        }
    }
}
