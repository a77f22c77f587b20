using CapacityHub.LocalRun;
using CapacityHub.LocalRun.Seeding;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// A local system started as ./run.sh starts it, on its own temp data folder and ports, with clients and caller
/// tokens signed by the folder's local key.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    private RunningSystem(LocalSystem system, string dataFolder, int basePort)
    {
        System = system;
        DataFolder = dataFolder;
        BasePort = basePort;
        Clients = new SeedClients(system["partners"].GrpcAddress, system["programmes"].GrpcAddress, system["trainings"].GrpcAddress);
        Tokens = new CallerTokens(new CallerTokenOptions { SigningKey = system.Secrets.CallerTokenKey }, TimeProvider.System);
    }

    public LocalSystem System { get; }

    public string DataFolder { get; }

    public int BasePort { get; }

    public SeedClients Clients { get; }

    public CallerTokens Tokens { get; }

    public static string RepositoryRoot { get; } = Repository.FindRoot();

    public static async Task<RunningSystem> StartAsync(string dataFolder, int basePort, bool seed)
    {
        var system = await LocalSystem.StartAsync(new LocalRunOptions
        {
            RepositoryRoot = RepositoryRoot,
            DataFolder = dataFolder,
            BasePort = basePort,
            SeedDemoData = seed,
            // A loaded CI machine starts four .NET processes slowly.
            StartTimeout = TimeSpan.FromSeconds(120),
        });
        return new RunningSystem(system, dataFolder, basePort);
    }

    public static string NewDataFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"capacityhub-e2e-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public CallOptions As(CallerIdentity caller) =>
        new(new Metadata { { CallerTokenOptions.MetadataKey, Tokens.Issue(caller) } }, DateTime.UtcNow.AddSeconds(30));

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await System.DisposeAsync();
    }

    public static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
