using CapacityHub.Storage;
using CapacityHub.Storage.Mongo.Store;
using CapacityHub.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.ServiceDefaults.Hosting;

internal static class StoreRegistration
{
    /// <summary>Registers the service's one <see cref="IDocumentStore"/>, chosen by configuration.</summary>
    public static void AddDocumentStore(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(options);
        services.AddSingleton<IDocumentStore>(_ => options.Provider switch
        {
            // Opened once at start-up, before Kestrel listens; blocking here keeps DI synchronous.
            StorageProvider.Sqlite => SqliteDocumentStore.OpenAsync(new SqliteStoreOptions
            {
                Path = options.Path ?? System.IO.Path.Combine("data", serviceName + ".db"),
            }).GetAwaiter().GetResult(),
            // No I/O here: readiness reports NOT_SERVING until the server answers a ping.
            StorageProvider.MongoDb => OpenMongo(options.MongoDb),
            _ => throw new InvalidOperationException($"Unknown Storage:Provider {options.Provider}."),
        });
    }

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
