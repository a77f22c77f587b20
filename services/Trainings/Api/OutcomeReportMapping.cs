using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Outcomes;
using CapacityHub.Trainings.Storage;
using Google.Protobuf.WellKnownTypes;
using NodaTime;
using ProtoReport = CapacityHub.Trainings.V1.OutcomeReport;
using ProtoStatus = CapacityHub.Trainings.V1.OutcomeReportStatus;

namespace CapacityHub.Trainings.Api;

/// <summary>Stored outcome reports to the API resource and back; enum numbers match on both sides.</summary>
internal static class OutcomeReportMapping
{
    public const string Collection = "outcomeReports";

    public static ProtoReport ToProto(Document<OutcomeReportDocument> stored)
    {
        var d = stored.Value;
        var proto = new ProtoReport
        {
            Name = ServiceDefaults.Validation.ResourceNames.Of(Collection, d.Id),
            Programme = d.ProgrammeId,
            PartnerOrganisation = d.PartnerOrganisationId,
            Period = new Common.V1.DateRange { StartDate = ToProto(d.PeriodStart), EndDate = ToProto(d.PeriodEnd) },
            DueDate = ToProto(d.DueDate),
            Narrative = d.Narrative,
            Status = (ProtoStatus)(int)d.Status,
            Etag = StoreFailures.Etag(stored.Version),
            Audit = new Common.V1.AuditInfo
            {
                CreateTime = Time(d.CreatedAtUnixMs),
                UpdateTime = Time(d.UpdatedAtUnixMs),
                CreatedBy = d.CreatedBy,
                UpdatedBy = d.UpdatedBy,
            },
        };
        if (d.FirstSubmittedAtUnixMs is { } submitted)
        {
            proto.FirstSubmitTime = Time(submitted);
        }

        proto.EvidenceLinks.AddRange(d.EvidenceLinks);
        foreach (var v in d.IndicatorValues)
        {
            var value = new V1.IndicatorValue { ResultId = v.ResultId, IndicatorId = v.IndicatorId, Value = (double)v.Value, Comment = v.Comment };
            if (v.Female is { } female)
            {
                value.Female = (double)female;
            }

            if (v.Male is { } male)
            {
                value.Male = (double)male;
            }

            proto.IndicatorValues.Add(value);
        }

        foreach (var h in d.History)
        {
            proto.History.Add(new V1.AuditEvent { Time = Time(h.AtUnixMs), Actor = h.Actor, Action = h.Action, Note = h.Note });
        }

        return proto;
    }

    /// <summary>The editable part of a request's report, for the domain to validate.</summary>
    public static OutcomeReportContent ContentOf(ProtoReport report) => new()
    {
        IndicatorValues = [.. report.IndicatorValues.Select(v => new IndicatorValue(
            v.IndicatorId, ToDecimal(v.Value), v.HasFemale ? ToDecimal(v.Female) : null, v.HasMale ? ToDecimal(v.Male) : null, v.Comment, v.ResultId))],
        Narrative = report.Narrative,
        EvidenceLinks = [.. report.EvidenceLinks],
    };

    public static LocalDate ToLocalDate(DateOnly date) => LocalDate.FromDateOnly(date);

    // Out-of-range doubles (NaN, ±1e300) become a value the domain rejects with a field error instead of an overflow.
    private static decimal ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e15 ? (decimal)value : -1m;

    private static Common.V1.Date ToProto(int dateNumber) =>
        new() { Year = dateNumber / 10000, Month = dateNumber / 100 % 100, Day = dateNumber % 100 };

    private static Timestamp Time(long unixMs) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
}
