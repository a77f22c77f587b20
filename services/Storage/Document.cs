namespace CapacityHub.Storage;

/// <summary>A stored document: its id, its version (1 on insert, +1 on every write) and its value.</summary>
public sealed record Document<T>(string Id, long Version, T Value)
    where T : class;
