using CapacityHub.Storage;

namespace CapacityHub.Trainings.Storage;

/// <summary>Outcome reports; lists are in due-date order, filtered by programme, partner and status.</summary>
public static class OutcomeReportCollections
{
    public static readonly CollectionSpec<OutcomeReportDocument> OutcomeReports =
        CollectionSpec.For<OutcomeReportDocument>("outcomeReports", r => r.Id)
            .Index("byDueDate", "dueDate")
            .Index("byProgramme", "programmeId", "dueDate")
            .Index("byPartner", "partnerOrganisationId", "dueDate")
            .Index("byStatus", "status", "dueDate");

    public static IReadOnlyList<CollectionSpec> All => [OutcomeReports];
}
