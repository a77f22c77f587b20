using CapacityHub.Storage;

namespace CapacityHub.Trainings.Storage;

/// <summary>The Trainings service's collections and the indexes its queries use.</summary>
public static class TrainingsCollections
{
    public const string OneLiveNominationPerEmail = "oneLiveNominationPerEmail";
    public const string OneLiveNominationPerParticipant = "oneLiveNominationPerParticipant";

    public static readonly CollectionSpec<StoredTraining> Trainings =
        CollectionSpec.For<StoredTraining>("trainings", t => t.Id)
            .Index("byStart", "firstStartUnixMs")
            .Index("byProgramme", "programmeId", "firstStartUnixMs")
            .Index("byStatus", "status", "firstStartUnixMs");

    public static readonly CollectionSpec<StoredNomination> Nominations =
        CollectionSpec.For<StoredNomination>("nominations", n => n.Id)
            .Index("byTraining", "trainingId", "nominatedAtUnixMs")
            .Index("byTrainingStatus", "trainingId", "status", "nominatedAtUnixMs")
            .Index("byTrainingCountry", "trainingId", "countryCode", "nominatedAtUnixMs")
            .Index("byOrganisation", "organisationId", "nominatedAtUnixMs")
            .Index("byEmail", "email")
            .UniqueIndex(OneLiveNominationPerEmail, "trainingId", "activeEmail")
            .UniqueIndex(OneLiveNominationPerParticipant, "trainingId", "activeParticipantId");

    public static readonly CollectionSpec<QuotaUsage> QuotaUsage =
        CollectionSpec.For<QuotaUsage>("quotaUsage", q => q.Id)
            .Index("byTraining", "trainingId");

    // Which version of this file's layout the data is in (see TrainingsSchema).
    public static readonly CollectionSpec<StoreSchema> Schema = CollectionSpec.For<StoreSchema>("storeSchema", s => s.Id);

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
        [Trainings, Nominations, QuotaUsage, Schema, Slots, ImpactCells, TrainingFacts, PersonReach, Requests, .. ImpactCollections.All, .. OutcomeReportCollections.All, .. NotificationCollections.All];
}
