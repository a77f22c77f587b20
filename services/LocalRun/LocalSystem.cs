using CapacityHub.LocalRun.Seeding;

namespace CapacityHub.LocalRun;

/// <summary>
/// The whole CapacityHub system on one machine: Programmes, Partners, Trainings and the gateway as
/// separate processes, each with its own SQLite file, started in dependency order and each waited
/// for until its gRPC health check says SERVING.
/// </summary>
public sealed class LocalSystem : IAsyncDisposable
{
    private readonly LocalRunOptions options;
    private readonly LocalSecrets secrets;
    private readonly Dictionary<string, ServiceProcess> processes = new(StringComparer.Ordinal);
    private readonly HealthProbe probe = new();

    private LocalSystem(LocalRunOptions options)
    {
        this.options = options;
        Directory.CreateDirectory(options.DataFolder);
        secrets = LocalSecrets.LoadOrCreate(options.DataFolder);
        Services = ServiceDefinition.All(options.BasePort);
    }

    public IReadOnlyList<ServiceDefinition> Services { get; }

    public LocalSecrets Secrets => secrets;

    /// <summary>What demo seeding did on this start (null when it is switched off).</summary>
    public SeedSummary? Seeding { get; private set; }

    public ServiceDefinition this[string name] => Services.Single(s => s.Name == name);

    public ServiceProcess Process(string name) => processes[name];

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
                system.Seeding = await new DemoSeeder(options.RepositoryRoot, options.DataFolder, system.secrets.CallerTokenKey)
                    .SeedOnceAsync(system["partners"].GrpcAddress, system["programmes"].GrpcAddress, system["trainings"].GrpcAddress, cancellationToken);
            }

            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (or starts again, after a stop or a kill) one process and waits until it serves.</summary>
    public async Task StartServiceAsync(string name, CancellationToken cancellationToken = default)
    {
        var service = this[name];
        if (processes.Remove(name, out var previous))
        {
            await previous.DisposeAsync();
        }

        var assembly = Path.Combine(options.RepositoryRoot, service.ProjectFolder, "bin", options.Configuration, "net10.0", service.AssemblyName + ".dll");
        var process = ServiceProcess.Start(service, assembly, EnvironmentFor(service), Path.Combine(options.DataFolder, "logs"));
        processes[name] = process;
        await WaitUntilServingAsync(process, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Stop the entry point first and the dependencies last, as a rolling shutdown would.
        foreach (var process in processes.Values.Reverse())
        {
            await process.DisposeAsync();
        }

        processes.Clear();
        probe.Dispose();
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

    private async Task WaitUntilServingAsync(ServiceProcess process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Definition.Name} exited while starting; see {process.LogFile}:\n{Tail(process.LogFile)}");
            }

            if (await probe.IsServingAsync(process.Definition.GrpcAddress, timeout.Token))
            {
                return;
            }

            try
            {
                await Task.Delay(200, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{process.Definition.Name} did not report SERVING within {options.StartTimeout.TotalSeconds:0}s; see {process.LogFile}:\n{Tail(process.LogFile)}");
            }
        }
    }

    private static string Tail(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(30));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
