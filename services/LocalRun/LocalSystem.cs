using CapacityHub.LocalRun.Seeding;
using Microsoft.Extensions.Logging;

namespace CapacityHub.LocalRun;

/// <summary>
/// The whole CapacityHub system on one machine: Programmes, Partners, Trainings and the gateway as
/// separate processes, each with its own SQLite file, started in dependency order and each waited
/// for until its gRPC health check says SERVING. Each process is supervised once it serves: if it
/// exits on its own it is started again (<see cref="ProcessSupervisor"/>).
/// </summary>
public sealed partial class LocalSystem : IAsyncDisposable
{
    private readonly LocalRunOptions options;
    private readonly LocalSecrets secrets;
    private readonly Dictionary<string, ProcessSupervisor> supervisors = new(StringComparer.Ordinal);
    private readonly HealthProbe probe = new();
    private readonly ILogger logger;

    private LocalSystem(LocalRunOptions options)
    {
        this.options = options;
        Directory.CreateDirectory(options.DataFolder);
        secrets = LocalSecrets.LoadOrCreate(options.DataFolder);
        Services = ServiceDefinition.All(options.BasePort);
        logger = options.LoggerFactory.CreateLogger<LocalSystem>();
        var readiness = new ServiceReadiness(probe, options.StartTimeout);
        foreach (var service in Services)
        {
            supervisors[service.Name] = new ProcessSupervisor(
                service, () => Launch(service), readiness, options.Restarts, TimeProvider.System, options.LoggerFactory.CreateLogger<ProcessSupervisor>());
        }
    }

    public IReadOnlyList<ServiceDefinition> Services { get; }

    public LocalSecrets Secrets => secrets;

    /// <summary>What demo seeding did on this start (null when it is switched off).</summary>
    public SeedSummary? Seeding { get; private set; }

    public ServiceDefinition this[string name] => Services.Single(s => s.Name == name);

    /// <summary>The service's process running now (after a restart, a different one than before).</summary>
    public ServiceProcess Process(string name) => supervisors[name].Current;

    /// <summary>
    /// Starts every process and, if asked, enters the demo data. Cancelling stops whatever had started and
    /// ends in <see cref="OperationCanceledException"/>, whichever step it interrupted.
    /// </summary>
    public static async Task<LocalSystem> StartAsync(LocalRunOptions options, CancellationToken cancellationToken = default)
    {
        var system = new LocalSystem(options);
        try
        {
            foreach (var service in system.Services)
            {
                await system.StartServiceAsync(service.Name, cancellationToken);
            }

            if (options.SeedDemoData)
            {
                var seeder = new DemoSeeder(options.RepositoryRoot, options.DataFolder, system.secrets.CallerTokenKey);
                if (!File.Exists(seeder.Marker))
                {
                    LogSeeding(system.logger, options.DataFolder);
                }

                system.Seeding = await seeder.SeedOnceAsync(
                    system["partners"].GrpcAddress, system["programmes"].GrpcAddress, system["trainings"].GrpcAddress, cancellationToken);
            }

            return system;
        }
        catch (Exception e)
        {
            await system.DisposeAsync();
            // Once a stop was asked for, whatever failed failed because of it (a child that got the terminal's
            // Ctrl+C too, a call cut off): the caller asked for a cancellation and gets one.
            if (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                throw new OperationCanceledException($"Start of the local system cancelled ({e.GetType().Name}: {e.Message})", e, cancellationToken);
            }

            throw;
        }
    }

    /// <summary>
    /// Starts one process (again, after a stop or a kill) unless it runs already, for instance because its
    /// supervisor started it again after the kill, and waits until it serves.
    /// </summary>
    public Task StartServiceAsync(string name, CancellationToken cancellationToken = default) =>
        supervisors[name].StartAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // No restarts from here on, for any service: they all exit now, and that is no crash.
        foreach (var supervisor in supervisors.Values)
        {
            supervisor.StandDown();
        }

        // Stop the entry point first and the dependencies last, as a rolling shutdown would.
        foreach (var service in Services.Reverse())
        {
            await supervisors[service.Name].DisposeAsync();
        }

        probe.Dispose();
    }

    private ServiceProcess Launch(ServiceDefinition service)
    {
        var assembly = Path.Combine(options.RepositoryRoot, service.ProjectFolder, "bin", options.Configuration, "net10.0", service.AssemblyName + ".dll");
        return ServiceProcess.Start(service, assembly, EnvironmentFor(service), Path.Combine(options.DataFolder, "logs"));
    }

    private Dictionary<string, string> EnvironmentFor(ServiceDefinition service)
    {
        var environment = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Local",
            ["DOTNET_NOLOGO"] = "1",
            ["Kestrel__Endpoints__Grpc__Url"] = service.GrpcAddress,
            ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
            ["Storage__Provider"] = "Sqlite",
            ["Storage__Path"] = Path.Combine(Path.GetFullPath(options.DataFolder), service.Name + ".db"),
            ["Identity__SigningKey"] = secrets.CallerTokenKey,
            // One name per process, whatever the caller's environment says, so traces show each hop.
            ["OTEL_SERVICE_NAME"] = "capacityhub-" + service.Name,
        };
        foreach (var other in Services.Where(s => s.Name != "gateway"))
        {
            environment[$"Services__{char.ToUpperInvariant(other.Name[0])}{other.Name[1..]}"] = other.GrpcAddress;
        }

        if (service.WebAddress is { } web)
        {
            environment["Kestrel__Endpoints__Web__Url"] = web;
            environment["Kestrel__Endpoints__Web__Protocols"] = "Http1AndHttp2";
            environment["Authentication__DemoSigningKey"] = secrets.DemoSigningKey;
        }

        return environment;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Every service serves; entering the demo data into {DataFolder}")]
    private static partial void LogSeeding(ILogger logger, string dataFolder);
}
