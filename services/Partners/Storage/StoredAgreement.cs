namespace CapacityHub.Partners.Storage;

/// <summary>An agreement as stored: the resource as proto JSON plus its list filters.</summary>
public sealed record StoredAgreement(string Id, string Type, string? Programme, string Resource);

/// <summary>One party of an agreement, so agreements can be listed per organisation.</summary>
public sealed record AgreementParty(string Id, string AgreementId, string Party, string Type);
