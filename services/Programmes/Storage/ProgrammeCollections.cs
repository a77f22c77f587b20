using CapacityHub.Storage;

namespace CapacityHub.Programmes.Storage;

public static class ProgrammeCollections
{
    public const string CodeIndex = "uniqueCode";
    public const string IatiIndex = "uniqueIatiIdentifier";

    public static readonly CollectionSpec<StoredProgramme> Programmes =
        CollectionSpec.For<StoredProgramme>("programmes", p => p.Id)
            .UniqueIndex(CodeIndex, "code")
            .UniqueIndex(IatiIndex, "iatiIdentifier")
            .Index("byStatus", "status", "code");

    public static readonly CollectionSpec<ProgrammeTag> Tags =
        CollectionSpec.For<ProgrammeTag>("programmeTags", t => t.Id)
            .Index("byTag", "tag", "status", "code")
            .Index("byProgramme", "programmeId");

    // Request-id records for idempotent creates; the result kept is the programme id.
    public static readonly CollectionSpec<RequestRecord<string>> Requests = RequestLog.Declare<string>("requests");

    public static IReadOnlyList<CollectionSpec> All => [Programmes, Tags, Requests];
}
