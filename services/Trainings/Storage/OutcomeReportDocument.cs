using CapacityHub.Trainings.Domain.Outcomes;
using NodaTime;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// An outcome report as stored: the domain state plus who created and last changed it. Dates are
/// yyyymmdd numbers so due-date order is numeric; instants are unix milliseconds.
/// </summary>
public sealed record OutcomeReportDocument
{
    public required string Id { get; init; }
    public required string ProgrammeId { get; init; }
    public required string PartnerOrganisationId { get; init; }
    public required int PeriodStart { get; init; }
    public required int PeriodEnd { get; init; }
    public required int DueDate { get; init; }
    public required OutcomeReportStatus Status { get; init; }
    public long? FirstSubmittedAtUnixMs { get; init; }
    public IReadOnlyList<IndicatorValue> IndicatorValues { get; init; } = [];
    public string Narrative { get; init; } = "";
    public IReadOnlyList<string> EvidenceLinks { get; init; } = [];
    public IReadOnlyList<StoredAuditEntry> History { get; init; } = [];
    public long CreatedAtUnixMs { get; init; }
    public string CreatedBy { get; init; } = "";
    public long UpdatedAtUnixMs { get; init; }
    public string UpdatedBy { get; init; } = "";

    public static OutcomeReportDocument From(OutcomeReport report, string actor, Instant now, OutcomeReportDocument? previous = null) => new()
    {
        Id = report.Id,
        ProgrammeId = report.ProgrammeId,
        PartnerOrganisationId = report.PartnerOrganisationId,
        PeriodStart = DateNumber(report.Period.Start),
        PeriodEnd = DateNumber(report.Period.End),
        DueDate = DateNumber(report.DueDate),
        Status = report.Status,
        FirstSubmittedAtUnixMs = report.FirstSubmittedAt?.ToUnixTimeMilliseconds(),
        IndicatorValues = report.Content.IndicatorValues,
        Narrative = report.Content.Narrative,
        EvidenceLinks = report.Content.EvidenceLinks,
        History = [.. report.Audit.Select(a => new StoredAuditEntry(a.At.ToUnixTimeMilliseconds(), a.Actor, a.Action, a.Note))],
        CreatedAtUnixMs = previous?.CreatedAtUnixMs ?? now.ToUnixTimeMilliseconds(),
        CreatedBy = previous?.CreatedBy ?? actor,
        UpdatedAtUnixMs = now.ToUnixTimeMilliseconds(),
        UpdatedBy = actor,
    };

    public OutcomeReport ToDomain() => OutcomeReport.Restore(
        Id,
        ProgrammeId,
        PartnerOrganisationId,
        new ReportingPeriod(Date(PeriodStart), Date(PeriodEnd)),
        Date(DueDate),
        new OutcomeReportContent { IndicatorValues = IndicatorValues, Narrative = Narrative, EvidenceLinks = EvidenceLinks },
        Status,
        FirstSubmittedAtUnixMs is { } ms ? Instant.FromUnixTimeMilliseconds(ms) : null,
        History.Select(h => new AuditEntry(Instant.FromUnixTimeMilliseconds(h.AtUnixMs), h.Actor, h.Action, h.Note)));

    public static int DateNumber(LocalDate date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public static LocalDate Date(int number) => new(number / 10000, number / 100 % 100, number % 100);
}

public sealed record StoredAuditEntry(long AtUnixMs, string Actor, string Action, string Note);
