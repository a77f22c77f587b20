using CapacityHub.Storage;

namespace CapacityHub.Trainings.Storage;

/// <summary>The Trainings service's collections and the indexes its queries use.</summary>
public static class TrainingsCollections
{
    public static readonly CollectionSpec<ImpactCellDocument> ImpactCells =
        CollectionSpec.For<ImpactCellDocument>("impactCells", c => c.Id)
            .Index("byTraining", "trainingId", "rollUp")
            .Index("byCountry", "countryCode", "trainingId")
            .Index("byOrganisation", "organisationId", "trainingId");

    public static readonly CollectionSpec<TrainingFactsDocument> TrainingFacts =
        CollectionSpec.For<TrainingFactsDocument>("trainingFacts", t => t.Id)
            .Index("byProgramme", "programmeId", "startDateNumber");

    public static readonly CollectionSpec<RequestRecord<string>> Requests = RequestLog.Declare<string>("requests");

    public static IReadOnlyList<CollectionSpec> All =>
        [ImpactCells, TrainingFacts, Requests, .. ImpactCollections.All, .. OutcomeReportCollections.All];
}
