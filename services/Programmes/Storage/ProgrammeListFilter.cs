using CapacityHub.Programmes.V1;

namespace CapacityHub.Programmes.Storage;

/// <summary>What ListProgrammes may filter on; empty tags and an unspecified status mean "any".</summary>
public sealed record ProgrammeListFilter(ActivityStatus Status, IReadOnlyList<string> Tags);
