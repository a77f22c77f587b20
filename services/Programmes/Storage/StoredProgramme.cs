namespace CapacityHub.Programmes.Storage;

/// <summary>
/// A programme as kept in the store: the full resource as proto JSON (so nothing the API carries is ever
/// dropped) next to the scalar fields the store indexes, and the text a search looks in (title, code, id;
/// null in documents written before search existed, until the start-up rewrite fills it in).
/// </summary>
public sealed record StoredProgramme(string Id, string Code, string? IatiIdentifier, string Status, string Resource, string? SearchText = null);

/// <summary>
/// One value of a programme's list fields (funder, participant, recipient country or region) so that
/// lists can filter on them: the store indexes scalars, not arrays. Rewritten with every programme write.
/// </summary>
public sealed record ProgrammeTag(string Id, string ProgrammeId, string Tag, string Status, string Code);
