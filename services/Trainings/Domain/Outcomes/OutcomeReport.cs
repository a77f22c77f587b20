using NodaTime;

namespace CapacityHub.Trainings.Domain.Outcomes;

/// <summary>Who did what to a report, when, and why; kept forever.</summary>
public sealed record AuditEntry(Instant At, string Actor, string Action, string Note);

/// <summary>
/// A partner's report of outcomes for a programme and period. Draft and returned reports are editable;
/// submitted ones wait for review; approved ones are read-only until explicitly reopened (audited).
/// </summary>
public sealed class OutcomeReport
{
    private readonly List<AuditEntry> _audit = [];

    public OutcomeReport(string id, string programmeId, string partnerOrganisationId, ReportingPeriod period, LocalDate dueDate, OutcomeReportContent content, string actor, Instant now)
    {
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(programmeId), "programme_id", "is required")
            .Require(!string.IsNullOrWhiteSpace(partnerOrganisationId), "partner_organisation_id", "is required")
            .Require(period.End >= period.Start, "period.end", "must not be before the period start")
            .Require(dueDate >= period.End, "due_date", "must not be before the period ends")
            .ThrowIfAny();
        content.Validate();
        Id = id;
        ProgrammeId = programmeId;
        PartnerOrganisationId = partnerOrganisationId;
        Period = period;
        DueDate = dueDate;
        Content = content;
        _audit.Add(new AuditEntry(now, actor, "created", ""));
    }

    public string Id { get; }
    public string ProgrammeId { get; }
    public string PartnerOrganisationId { get; }
    public ReportingPeriod Period { get; }
    public LocalDate DueDate { get; }
    public OutcomeReportContent Content { get; private set; }
    public OutcomeReportStatus Status { get; private set; } = OutcomeReportStatus.Draft;
    public Instant? FirstSubmittedAt { get; private set; }
    public IReadOnlyList<AuditEntry> Audit => _audit;

    public static OutcomeReport Restore(string id, string programmeId, string partnerOrganisationId, ReportingPeriod period, LocalDate dueDate,
        OutcomeReportContent content, OutcomeReportStatus status, Instant? firstSubmittedAt, IEnumerable<AuditEntry> audit)
    {
        var entries = audit.ToList();
        var report = new OutcomeReport(id, programmeId, partnerOrganisationId, period, dueDate, content, "", Instant.MinValue)
        {
            Status = status,
            FirstSubmittedAt = firstSubmittedAt,
        };
        report._audit.Clear();
        report._audit.AddRange(entries);
        return report;
    }

    /// <summary>Reporting discipline: first submission no later than the due date, read in the programme's reporting zone.</summary>
    public bool SubmittedOnTime(DateTimeZone reportingZone) =>
        FirstSubmittedAt is { } at && at.InZone(reportingZone).Date <= DueDate;

    public void Update(OutcomeReportContent content, string actor, Instant now)
    {
        if (Status == OutcomeReportStatus.Approved)
        {
            throw new DomainRuleException("This outcome report is approved and read-only; reopen it (audited) or start a new report");
        }

        if (Status == OutcomeReportStatus.Submitted)
        {
            throw new DomainRuleException("This outcome report is waiting for review; ask the programme manager to return it before editing");
        }

        content.Validate();
        Content = content;
        _audit.Add(new AuditEntry(now, actor, "updated", ""));
    }

    public void Submit(string actor, Instant now)
    {
        OutcomeReportLifecycle.EnsureCanMove(Status, OutcomeReportStatus.Submitted);
        if (!Content.IsSubmittable)
        {
            throw new DomainRuleException("Add at least one indicator value or a narrative before submitting");
        }

        Status = OutcomeReportStatus.Submitted;
        FirstSubmittedAt ??= now;
        _audit.Add(new AuditEntry(now, actor, "submitted", ""));
    }

    public void Approve(string actor, Instant now)
    {
        OutcomeReportLifecycle.EnsureCanMove(Status, OutcomeReportStatus.Approved);
        Status = OutcomeReportStatus.Approved;
        _audit.Add(new AuditEntry(now, actor, "approved", ""));
    }

    public void Return(string actor, Instant now, string reason)
    {
        RequireReason(reason, "the partner needs to know what to fix");
        OutcomeReportLifecycle.EnsureCanMove(Status, OutcomeReportStatus.Returned);
        Status = OutcomeReportStatus.Returned;
        _audit.Add(new AuditEntry(now, actor, "returned", reason.Trim()));
    }

    public void Reopen(string actor, Instant now, string reason)
    {
        RequireReason(reason, "reopening an approved report is audited");
        if (Status != OutcomeReportStatus.Approved)
        {
            throw new DomainRuleException("Only approved reports are reopened; this one can be edited as it is");
        }

        Status = OutcomeReportStatus.Draft;
        _audit.Add(new AuditEntry(now, actor, "reopened", reason.Trim()));
    }

    private static void RequireReason(string reason, string why)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException("reason", $"is required: {why}");
        }
    }
}
