using System.Collections.Concurrent;
using MongoDB.Driver;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// One <see cref="IMongoClient"/> per connection string for the whole process: a client owns the connection
/// pools and the server monitors, so every store (and every test store) on the same deployment shares them.
/// </summary>
internal static class MongoClients
{
    private static readonly ConcurrentDictionary<string, Lazy<IMongoClient>> Clients = new(StringComparer.Ordinal);

    public static IMongoClient For(MongoUrl url) =>
        Clients.GetOrAdd(url.ToString(), _ => new Lazy<IMongoClient>(() => new MongoClient(Settings(url)))).Value;

    /// <summary>
    /// Acknowledged means journaled on a majority unless the connection string says otherwise; reads and
    /// writes are retried once on a network error or an election, as the retryable-reads/writes specs define.
    /// </summary>
    internal static MongoClientSettings Settings(MongoUrl url)
    {
        var settings = MongoClientSettings.FromUrl(url);
        if (url.W is null && url.Journal is null && url.WTimeout is null)
        {
            settings.WriteConcern = new WriteConcern(WriteConcern.WValue.Parse("majority"), journal: true);
        }

        settings.RetryReads = true;
        settings.RetryWrites = true;
        return settings;
    }
}
