namespace CapacityHub.Storage.Mongo.Store;

/// <summary>Where a service's MongoDB store lives.</summary>
public sealed record MongoStoreOptions
{
    /// <summary>A mongodb:// (or mongodb+srv://) string, ideally with the service's own least-privilege user.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The service's database; defaults to the connection string's path (mongodb://host/&lt;database&gt;).</summary>
    public string? Database { get; init; }
}
