namespace CapacityHub.Storage.Mongo.Connection;

/// <summary>Every pooled connection stayed busy for longer than waitQueueTimeoutMS.</summary>
public sealed class MongoWaitQueueTimeoutException : Exception
{
    public MongoWaitQueueTimeoutException(string message)
        : base(message)
    {
    }

    public MongoWaitQueueTimeoutException()
    {
    }

    public MongoWaitQueueTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
