using CapacityHub.LocalRun;
using CapacityHub.LocalRun.Seeding;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// A local system started as ./run.sh starts it, on its own temp data folder and ports, with clients and caller
/// tokens signed by the folder's local key.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    private readonly ILoggerFactory loggerFactory;

    private RunningSystem(LocalSystem system, string dataFolder, int basePort, LogCapture logs, ILoggerFactory loggerFactory)
    {
        System = system;
        Logs = logs;
        this.loggerFactory = loggerFactory;
        DataFolder = dataFolder;
        BasePort = basePort;
        Clients = new SeedClients(system["partners"].GrpcAddress, system["programmes"].GrpcAddress, system["trainings"].GrpcAddress);
        Tokens = new CallerTokens(new CallerTokenOptions { SigningKey = system.Secrets.CallerTokenKey }, TimeProvider.System);
    }

    public LocalSystem System { get; }

    public string DataFolder { get; }

    public int BasePort { get; }

    /// <summary>What the local run logged: the processes it started, exits and restarts.</summary>
    public LogCapture Logs { get; }

    public SeedClients Clients { get; }

    public CallerTokens Tokens { get; }

    public static string RepositoryRoot { get; } = Repository.FindRoot();

    public static async Task<RunningSystem> StartAsync(string dataFolder, int basePort, bool seed)
    {
        var logs = new LogCapture();
        var loggerFactory = logs.CreateFactory();
        try
        {
            var system = await LocalSystem.StartAsync(Options(dataFolder, basePort, seed, loggerFactory));
            return new RunningSystem(system, dataFolder, basePort, logs, loggerFactory);
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>The options ./run.sh would use, on this folder and these ports.</summary>
    public static LocalRunOptions Options(string dataFolder, int basePort, bool seed, ILoggerFactory loggerFactory) => new()
    {
        RepositoryRoot = RepositoryRoot,
        DataFolder = dataFolder,
        BasePort = basePort,
        SeedDemoData = seed,
        // A loaded CI machine starts four .NET processes slowly.
        StartTimeout = TimeSpan.FromSeconds(120),
        LoggerFactory = loggerFactory,
    };

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
        loggerFactory.Dispose();
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
