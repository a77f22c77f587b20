namespace CapacityHub.ServiceDefaults.Hosting;

/// <summary>
/// Configuration section <c>Storage</c>: which backend a service keeps its data in. Switching a
/// service to MongoDB is one value: <c>Storage:Provider=MongoDb</c> (plus its connection string).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file of this service (Sqlite only).</summary>
    public string? Path { get; set; }

    public MongoDbStorageOptions MongoDb { get; set; } = new();
}

public enum StorageProvider
{
    Sqlite,
    MongoDb,
}

public sealed class MongoDbStorageOptions
{
    /// <summary>A <c>mongodb://</c> connection string with this service's own, least-privilege user.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The database this service owns (defaults to the connection string's database).</summary>
    public string? Database { get; set; }
}
