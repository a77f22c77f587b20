using CapacityHub.ServiceDefaults.Validation;
using NodaTime;

namespace CapacityHub.Trainings.Domain.Outcomes;

/// <summary>A reported value for one indicator of the programme's results framework, with optional sex breakdown.</summary>
public sealed record IndicatorValue(string IndicatorId, decimal Value, decimal? Female = null, decimal? Male = null, string Comment = "", string ResultId = "");

/// <summary>The reporting period, inclusive dates.</summary>
public sealed record ReportingPeriod(LocalDate Start, LocalDate End);

/// <summary>What a partner writes in an outcome report; validated as a whole.</summary>
public sealed record OutcomeReportContent
{
    public IReadOnlyList<IndicatorValue> IndicatorValues { get; init; } = [];
    public string Narrative { get; init; } = "";
    public IReadOnlyList<string> EvidenceLinks { get; init; } = [];

    public const int MaxNarrativeLength = TextLimits.Narrative;
    public const int MaxLinkLength = 2_000;

    public void Validate()
    {
        var errors = new FieldErrors().MultiLine(Narrative, "narrative", MaxNarrativeLength);
        for (var i = 0; i < IndicatorValues.Count; i++)
        {
            var value = IndicatorValues[i];
            errors.Require(!string.IsNullOrWhiteSpace(value.IndicatorId), $"indicator_values[{i}].indicator_id", "is required");
            errors.Require(IndicatorValues.Take(i).All(v => v.IndicatorId != value.IndicatorId), $"indicator_values[{i}].indicator_id", "is reported twice");
            errors.Require(value.Female is null or >= 0 && value.Male is null or >= 0, $"indicator_values[{i}]", "sex breakdowns must not be negative");
            errors.MultiLine(value.Comment, $"indicator_values[{i}].comment", TextLimits.ShortText);
            errors.Require(value.Female is null || value.Male is null || value.Female + value.Male <= value.Value, $"indicator_values[{i}]", "female plus male must not exceed the value");
        }

        for (var i = 0; i < EvidenceLinks.Count; i++)
        {
            var ok = Uri.TryCreate(EvidenceLinks[i], UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
            errors.Require(ok, $"evidence_links[{i}]", "must be an absolute http or https link");
            errors.SingleLine(EvidenceLinks[i], $"evidence_links[{i}]", MaxLinkLength);
        }

        errors.ThrowIfAny();
    }

    /// <summary>Something a reviewer can act on: at least one value or a narrative.</summary>
    public bool IsSubmittable => IndicatorValues.Count > 0 || !string.IsNullOrWhiteSpace(Narrative);
}
