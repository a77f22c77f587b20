using CapacityHub.Programmes.V1;

namespace CapacityHub.Programmes.Storage;

/// <summary>
/// What ListProgrammes may filter on; empty tags, an unspecified status and an empty query mean "any".
/// <see cref="Query"/> is folded with <see cref="CapacityHub.Storage.SearchText.Fold"/>.
/// </summary>
public sealed record ProgrammeListFilter(ActivityStatus Status, IReadOnlyList<string> Tags, string Query = "");
