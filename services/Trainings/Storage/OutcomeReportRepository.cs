using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Notifications;
using CapacityHub.Trainings.Domain.Outcomes;
using NodaTime;

namespace CapacityHub.Trainings.Storage;

/// <summary>The filters ListOutcomeReports combines with AND; null means "any".</summary>
public sealed record OutcomeReportFilter(IReadOnlyList<string>? ProgrammeIds, string? PartnerOrganisationId, OutcomeReportStatus? Status);

/// <summary>What a change did: the stored report, and whether this call did the work (false for a retried request id).</summary>
public sealed record OutcomeReportWrite(Document<OutcomeReportDocument> Stored, bool Performed);

/// <summary>
/// Outcome reports and the reporting-discipline cells they feed, written together in one transaction;
/// creates and submits are idempotent on the client's request id.
/// </summary>
public sealed class OutcomeReportRepository(IDocumentStore store, NotificationRepository notifications)
{
    /// <summary>Reporting discipline compares the first submission with the due date as a calendar date in this zone.</summary>
    public static readonly DateTimeZone ReportingZone = DateTimeZone.Utc;

    public Task<Document<OutcomeReportDocument>?> FindAsync(string id, CancellationToken ct) =>
        store.Collection(OutcomeReportCollections.OutcomeReports).GetAsync(id, ct);

    public async Task<OutcomeReportWrite> CreateAsync(string requestId, OutcomeReport report, string actor, Instant now, CancellationToken ct)
    {
        var performed = false;
        var id = await store.TransactAsync(
            (tx, token) => tx.OnceAsync(TrainingsCollections.Requests, "CreateOutcomeReport", requestId, async () =>
            {
                await tx.Collection(OutcomeReportCollections.OutcomeReports).InsertAsync(OutcomeReportDocument.From(report, actor, now), token);
                await ImpactAggregates.ApplyReportingAsync(tx, null, ReportingObligation.For(report, ReportingZone), token);
                performed = true;
                return report.Id;
            }, cancellationToken: token),
            ct);
        return new OutcomeReportWrite(await LoadAsync(id, ct), performed);
    }

    /// <summary>
    /// Loads the report inside a transaction, lets <paramref name="check"/> vet the stored version (etag) and
    /// the report (authorisation), applies <paramref name="change"/> and saves it with the reporting cells moved
    /// from the old to the new obligation. With a request id the whole change happens at most once.
    /// </summary>
    public async Task<OutcomeReportWrite> ChangeAsync(
        string id,
        (string Operation, string RequestId)? once,
        Action<Document<OutcomeReportDocument>> check,
        Action<OutcomeReport> change,
        string actor,
        Instant now,
        CancellationToken ct)
    {
        var performed = false;
        await store.TransactAsync(
            async (tx, token) =>
            {
                async Task<string> Work()
                {
                    var reports = tx.Collection(OutcomeReportCollections.OutcomeReports);
                    var stored = await reports.GetAsync(id, token) ?? throw new DocumentNotFoundException(OutcomeReportCollections.OutcomeReports.Name, id);
                    check(stored);
                    var report = stored.Value.ToDomain();
                    var before = ReportingObligation.For(report, ReportingZone);
                    var statusBefore = report.Status;
                    change(report);
                    if (ReportNotices.ForChange(report, statusBefore) is { } notice)
                    {
                        await notifications.WriteAsync(tx, [notice], token);
                    }

                    await reports.ReplaceAsync(OutcomeReportDocument.From(report, actor, now, stored.Value), stored.Version, token);
                    await ImpactAggregates.ApplyReportingAsync(tx, before, ReportingObligation.For(report, ReportingZone), token);
                    performed = true;
                    return id;
                }

                return once is { } request
                    ? await tx.OnceAsync(TrainingsCollections.Requests, request.Operation, request.RequestId, Work, cancellationToken: token)
                    : await Work();
            },
            ct);
        return new OutcomeReportWrite(await LoadAsync(id, ct), performed);
    }

    public async Task<(IReadOnlyList<Document<OutcomeReportDocument>> Items, string? Next)> ListAsync(OutcomeReportFilter filter, int limit, string? pageToken, CancellationToken ct)
    {
        var where = Filter.All;
        if (filter.ProgrammeIds is { } programmes)
        {
            where = programmes.Count == 1 ? where.And("programmeId", programmes[0]) : where.AndIn("programmeId", programmes);
        }

        if (filter.PartnerOrganisationId is { } partner)
        {
            where = where.And("partnerOrganisationId", partner);
        }

        if (filter.Status is { } status)
        {
            where = where.And("status", status);
        }

        var page = await store.Collection(OutcomeReportCollections.OutcomeReports).FindAsync(
            new Query { Filter = where, OrderBy = "dueDate", Limit = limit, After = pageToken }, ct);
        return (page.Items, page.Next);
    }

    private async Task<Document<OutcomeReportDocument>> LoadAsync(string id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new DocumentNotFoundException(OutcomeReportCollections.OutcomeReports.Name, id);
}
