using CapacityHub.Storage;

namespace CapacityHub.Storage.CrashWriter;

public sealed record Enrolment(string Id, string TrainingId, long Sequence, string Payload);

public sealed record EnrolmentTotals(string Id, long Enrolled);

/// <summary>What the crash writer writes; the crash test declares the same collections to check the file.</summary>
public static class CrashCollections
{
    public static readonly CollectionSpec<Enrolment> Enrolments =
        CollectionSpec.For<Enrolment>("enrolments", e => e.Id).Index("byTraining", "trainingId", "sequence");

    public static readonly CollectionSpec<EnrolmentTotals> Totals = CollectionSpec.For<EnrolmentTotals>("totals", t => t.Id);

    public static IReadOnlyList<CollectionSpec> All { get; } = [Enrolments, Totals];
}
