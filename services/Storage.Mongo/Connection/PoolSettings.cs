using CapacityHub.Storage.Mongo.ConnectionString;

namespace CapacityHub.Storage.Mongo.Connection;

/// <summary>maxPoolSize 0 means unbounded (spec); maxIdleTime zero means connections never expire from idleness.</summary>
public sealed record PoolSettings(int MaxPoolSize, TimeSpan WaitQueueTimeout, TimeSpan MaxIdleTime)
{
    public static PoolSettings From(MongoConnectionString connectionString) =>
        new(connectionString.MaxPoolSize, connectionString.WaitQueueTimeout, connectionString.MaxIdleTime);
}
