namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>No suitable server appeared within serverSelectionTimeoutMS, or the deployment is incompatible.</summary>
public sealed class MongoServerSelectionException : Exception
{
    public MongoServerSelectionException(string message)
        : base(message)
    {
    }

    public MongoServerSelectionException()
    {
    }

    public MongoServerSelectionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
