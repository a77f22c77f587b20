namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>The connection string is invalid; the message names the part at fault.</summary>
public sealed class MongoConnectionStringException : Exception
{
    public MongoConnectionStringException(string message)
        : base(message)
    {
    }

    public MongoConnectionStringException()
    {
    }

    public MongoConnectionStringException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
