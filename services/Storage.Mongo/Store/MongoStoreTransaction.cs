using MongoDB.Bson;
using MongoDB.Driver;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>One attempt of a transaction: its session, and the collections seen through it until it ends.</summary>
internal sealed class MongoStoreTransaction(IClientSessionHandle session, Func<CollectionSpec, IMongoCollection<BsonDocument>> collectionOf) : ITransaction
{
    private volatile bool closed;

    public IClientSessionHandle Session { get; } = session;

    public IDocumentCollection<T> Collection<T>(CollectionSpec<T> spec)
        where T : class
    {
        EnsureOpen();
        return new MongoStoreCollection<T>(spec, collectionOf(spec), this);
    }

    public void EnsureOpen()
    {
        if (closed)
        {
            throw new InvalidOperationException("This transaction has ended; use the collections of the transaction in progress.");
        }
    }

    public void Close() => closed = true;
}
