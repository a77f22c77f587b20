using CapacityHub.Storage;
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
            StorageProvider.MongoDb => throw new InvalidOperationException(
                "Storage:Provider=MongoDb needs the MongoDB backend of CapacityHub.Storage.Mongo, which this build does not include yet."),
            _ => throw new InvalidOperationException($"Unknown Storage:Provider {options.Provider}."),
        });
    }
}
