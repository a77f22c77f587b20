using CapacityHub.Storage;
using CapacityHub.Storage.Mongo.Store;
using CapacityHub.Storage.Sqlite;
using CapacityHub.Storage.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Hosting;

internal static class StoreRegistration
{
    /// <summary>
    /// Registers the service's one <see cref="IDocumentStore"/>, chosen by configuration and traced
    /// (a span and a db.client.operation.duration measurement per operation) whichever backend it is.
    /// </summary>
    public static void AddDocumentStore(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(options);
        services.AddSingleton<IDocumentStore>(_ => options.Provider switch
        {
            // Opened once at start-up, before Kestrel listens; blocking here keeps DI synchronous.
            StorageProvider.Sqlite => StoreTelemetry.Trace(
                SqliteDocumentStore.OpenAsync(new SqliteStoreOptions
                {
                    Path = options.Path ?? System.IO.Path.Combine("data", serviceName + ".db"),
                }).GetAwaiter().GetResult(),
                "sqlite"),
            // No I/O here: readiness reports NOT_SERVING until the server answers a ping.
            StorageProvider.MongoDb => TraceMongo(OpenMongo(options.MongoDb)),
            _ => throw new InvalidOperationException($"Unknown Storage:Provider {options.Provider}."),
        });
    }

    private static IDocumentStore TraceMongo(MongoDocumentStore store) => StoreTelemetry.Trace(store, "mongodb", store.DatabaseName);

    private static MongoDocumentStore OpenMongo(MongoDbStorageOptions mongo)
    {
        if (string.IsNullOrWhiteSpace(mongo.ConnectionString))
        {
            throw new InvalidOperationException(
                "Storage:Provider=MongoDb needs Storage:MongoDb:ConnectionString (a mongodb:// string with this service's own user).");
        }

        try
        {
            return MongoDocumentStore.Open(new MongoStoreOptions { ConnectionString = mongo.ConnectionString, Database = mongo.Database });
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Storage:MongoDb is not usable: {e.Message}", e);
        }
    }
}
