using CapacityHub.ServiceDefaults.Clients;
using System.Runtime.InteropServices;
using CapacityHub.Benchmarks.Scale;
using CapacityHub.LocalRun;
using Grpc.Core;

// tests/Benchmarks/Scale/run.sh [--trainings M] [--enrolments N] [--programmes P] [--seed bulk|grpc]
//   [--concurrency C] [--probe-nominations K] [--calls N] [--base-port N] [--data DIR] [--measure-only]
var options = ScaleOptions.Parse(args);
var root = Repository.FindRoot();
var basePort = options.BasePort ?? LocalPorts.FreeBasePort();
var data = options.Data is { } given ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory("capacityhub-scale-").FullName;
Log.Line($"data in {data}; services from {root} (Release), base port {basePort}");
try
{
    await using var system = await LocalSystem.StartAsync(new LocalRunOptions { RepositoryRoot = root, DataFolder = data, BasePort = basePort, SeedDemoData = false });
    // Ctrl+C or SIGTERM must not leave the service processes behind.
    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        system.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Environment.Exit(130);
    }

    using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    var callers = new Callers(system.Secrets.CallerTokenKey);
    ScaleWorld world;
    if (options.MeasureOnly)
    {
        world = ScaleWorld.Load(data);
    }
    else
    {
        world = await new Seeding(system, callers, options, data).RunAsync();
        world.Save(data);
    }

    Log.Line("measuring");
    using var trainings = ServiceChannels.Open(system["trainings"].GrpcAddress);
    using var programmes = ServiceChannels.Open(system["programmes"].GrpcAddress);
    await using var memory = new ResidentMemory(system.Services.ToDictionary(s => s.Name, s => system.Process(s.Name).ProcessId, StringComparer.Ordinal));
    var figures = await new Measurements(trainings, programmes, callers, world, options).RunAsync(memory);
    var database = Directory.GetFiles(data, "trainings.db*").Sum(f => new FileInfo(f).Length);
    Console.WriteLine();
    Console.WriteLine(Report.Markdown(options, world, figures, database));
}
finally
{
    if (options.Data is null)
    {
        Directory.Delete(data, recursive: true);
    }
}
