namespace CapacityHub.Storage.Sqlite;

public sealed record SqliteStoreOptions
{
    /// <summary>The database file; its directory is created when missing.</summary>
    public required string Path { get; init; }

    /// <summary>Connections kept open for reads outside transactions (WAL lets them run beside the writer).</summary>
    public int Readers { get; init; } = 4;

    /// <summary>How long a statement waits for another process holding the file lock.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
