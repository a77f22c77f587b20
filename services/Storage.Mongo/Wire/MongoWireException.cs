namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>The bytes on the wire do not form a message this client can accept.</summary>
public sealed class MongoWireException : Exception
{
    public MongoWireException(string message)
        : base(message)
    {
    }

    public MongoWireException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MongoWireException()
    {
    }
}
