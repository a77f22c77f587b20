using System.Diagnostics.Metrics;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Outcomes;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// Business counters of the Trainings service (meter "CapacityHub.Trainings"), counted after the write
/// commits and never for a retried request id. Tags carry statuses only, never personal data.
/// </summary>
public sealed class TrainingsMetrics : IDisposable
{
    public const string MeterName = "CapacityHub.Trainings";

    private readonly Meter _meter;
    private readonly Counter<long> _trainingsScheduled;
    private readonly Counter<long> _nominations;
    private readonly Counter<long> _outcomeReports;

    public TrainingsMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _trainingsScheduled = _meter.CreateCounter<long>("capacityhub.trainings.scheduled", "{training}", "Trainings scheduled");
        _nominations = _meter.CreateCounter<long>("capacityhub.nominations", "{nomination}", "Nominations by the status they ended in");
        _outcomeReports = _meter.CreateCounter<long>("capacityhub.outcome_reports", "{report}", "Outcome report submissions and approvals");
    }

    public void TrainingScheduled() => _trainingsScheduled.Add(1);

    /// <summary>One nomination decided: the status it got (booked, waitlisted, declined...).</summary>
    public void Nomination(NominationStatus outcome) =>
        _nominations.Add(1, new KeyValuePair<string, object?>("capacityhub.nomination.status", Word(outcome.ToString())));

    public void OutcomeReportSubmitted() => OutcomeReport(OutcomeReportStatus.Submitted);

    public void OutcomeReportApproved() => OutcomeReport(OutcomeReportStatus.Approved);

    public void Dispose() => _meter.Dispose();

    private void OutcomeReport(OutcomeReportStatus status) =>
        _outcomeReports.Add(1, new KeyValuePair<string, object?>("capacityhub.outcome_report.status", Word(status.ToString())));

    private static string Word(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
