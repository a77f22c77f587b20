namespace CapacityHub.Storage.Mongo.Connection;

/// <summary>A network-level failure talking to a server; the connection it happened on is no longer usable.</summary>
public sealed class MongoConnectionException : Exception
{
    public MongoConnectionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MongoConnectionException(string message)
        : base(message)
    {
    }

    public MongoConnectionException()
    {
    }
}
