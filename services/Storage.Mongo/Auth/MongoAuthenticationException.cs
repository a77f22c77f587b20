namespace CapacityHub.Storage.Mongo.Auth;

/// <summary>Authentication failed or the server's side of the exchange could not be verified.</summary>
public sealed class MongoAuthenticationException : Exception
{
    public MongoAuthenticationException(string message)
        : base(message)
    {
    }

    public MongoAuthenticationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MongoAuthenticationException()
    {
    }
}
