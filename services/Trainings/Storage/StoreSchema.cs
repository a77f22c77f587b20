namespace CapacityHub.Trainings.Storage;

/// <summary>The layout version of the Trainings store's data, written once a migration to it has finished.</summary>
public sealed record StoreSchema(string Id, int Version, long MigratedAtUnixMs)
{
    public const string Key = "trainings";
}
