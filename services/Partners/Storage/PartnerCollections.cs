using CapacityHub.Storage;

namespace CapacityHub.Partners.Storage;

public static class PartnerCollections
{
    public const string IatiIndex = "uniqueIatiIdentifier";

    public static readonly CollectionSpec<StoredOrganisation> Organisations =
        CollectionSpec.For<StoredOrganisation>("organisations", o => o.Id)
            .UniqueIndex(IatiIndex, "iatiIdentifier")
            .Index("byName", "sortName")
            .Index("byCountry", "countryCode", "sortName")
            .Index("byType", "type", "sortName")
            .Index("byStatus", "status", "sortName")
            .Index("byAsean", "asean", "sortName")
            .Index("byArf", "arf", "sortName")
            .Index("byIndoPacific", "indoPacific", "sortName");

    public static readonly CollectionSpec<StoredAgreement> Agreements =
        CollectionSpec.For<StoredAgreement>("agreements", a => a.Id)
            .Index("byProgramme", "programme")
            .Index("byType", "type");

    public static readonly CollectionSpec<AgreementParty> AgreementParties =
        CollectionSpec.For<AgreementParty>("agreementParties", p => p.Id)
            .Index("byParty", "party", "type", "agreementId")
            .Index("byAgreement", "agreementId");

    // Request-id records for idempotent creates; the result kept is the created resource's id.
    public static readonly CollectionSpec<RequestRecord<string>> Requests = RequestLog.Declare<string>("requests");

    public static IReadOnlyList<CollectionSpec> All => [Organisations, Agreements, AgreementParties, Requests];
}
