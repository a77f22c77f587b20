using CapacityHub.Storage;

namespace CapacityHub.Trainings.Storage;

/// <summary>The Trainings service's collections and the indexes its queries use.</summary>
public static class TrainingsCollections
{
    public static readonly CollectionSpec<StoredTraining> Trainings =
        CollectionSpec.For<StoredTraining>("trainings", t => t.Id)
            .Index("byStart", "firstStartUnixMs")
            .Index("byProgramme", "programmeId", "firstStartUnixMs")
            .Index("byStatus", "status", "firstStartUnixMs");

    public static readonly CollectionSpec<StoredNomination> Nominations =
        CollectionSpec.For<StoredNomination>("nominations", n => n.Id)
            .Index("byTraining", "trainingId", "nominatedAtUnixMs")
            .Index("byTrainingStatus", "trainingId", "status", "nominatedAtUnixMs")
            .Index("byOrganisation", "organisationId", "nominatedAtUnixMs")
            .Index("byProgramme", "programmeId", "nominatedAtUnixMs")
            .Index("byEmail", "email");

    public static readonly CollectionSpec<ScheduleSlot> Slots =
        CollectionSpec.For<ScheduleSlot>("scheduleSlots", s => s.Id)
            .Index("byResource", "resourceKey", "startUnixMs")
            .Index("byTraining", "trainingId");

    public static readonly CollectionSpec<ImpactCellDocument> ImpactCells =
        CollectionSpec.For<ImpactCellDocument>("impactCells", c => c.Id)
            .Index("byTraining", "trainingId", "rollUp")
            .Index("byCountry", "countryCode", "trainingId")
            .Index("byOrganisation", "organisationId", "trainingId");

    public static readonly CollectionSpec<TrainingFactsDocument> TrainingFacts =
        CollectionSpec.For<TrainingFactsDocument>("trainingFacts", t => t.Id)
            .Index("byProgramme", "programmeId", "startDateNumber");

    public static readonly CollectionSpec<PersonReachDocument> PersonReach =
        CollectionSpec.For<PersonReachDocument>("personReach", p => p.Id);

    // Request-id records for idempotent creates; the result kept is the created resource's id.
    public static readonly CollectionSpec<RequestRecord<string>> Requests = RequestLog.Declare<string>("requests");

    public static IReadOnlyList<CollectionSpec> All =>
        [Trainings, Nominations, Slots, ImpactCells, TrainingFacts, PersonReach, Requests, .. ImpactCollections.All, .. OutcomeReportCollections.All];
}
