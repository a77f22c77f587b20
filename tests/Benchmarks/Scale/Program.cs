using System.Diagnostics;
using CapacityHub.Benchmarks.Scale;
using CapacityHub.LocalRun;
using CapacityHub.Rpc;

// tests/Benchmarks/Scale/run.sh [--trainings M] [--enrolments N] [--programmes P] [--seed bulk|grpc]
//   [--concurrency C] [--probe-nominations K] [--calls N] [--base-port N] [--data DIR]
var options = ScaleOptions.Parse(args);
var root = RepositoryRoot();
var basePort = options.BasePort ?? FreePorts.FindBase();
var data = options.Data is { } given ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory("capacityhub-scale-").FullName;
Log($"data in {data}; services from {root} (Release), base port {basePort}");
try
{
    await using var system = await LocalSystem.StartAsync(new LocalRunOptions { RepositoryRoot = root, DataFolder = data, BasePort = basePort });
    var callers = new Callers(system.Secrets.CallerTokenKey);
    using var partners = RpcChannel.ForAddress(system["partners"].GrpcAddress);
    using var programmes = RpcChannel.ForAddress(system["programmes"].GrpcAddress);
    var seeding = new List<(string Phase, int Calls, TimeSpan Took)>();

    var clock = Stopwatch.StartNew();
    var (funder, nominators, funded, probeProgramme) = await new PartnersAndProgrammes(partners, programmes, callers).CreateAsync(options.Programmes);
    seeding.Add(("CreateOrganisation, CreateProgramme + StartImplementation", nominators.Count + 2 + (2 * (funded.Count + 1)), clock.Elapsed));

    ScaleWorld world;
    IReadOnlyList<SeededTraining> probes;
    using (var trainings = RpcChannel.ForAddress(system["trainings"].GrpcAddress))
    {
        var schedule = new TrainingSchedule(trainings, callers, [.. funded, probeProgramme]);
        clock.Restart();
        var seeded = await schedule.OpenAsync(funded, options.Trainings, options.EnrolmentsPerTraining, options.Concurrency, "scale");
        seeding.Add(("CreateTraining + ScheduleTraining + OpenNominations", 3 * options.Trainings, clock.Elapsed));
        probes = await schedule.OpenAsync([probeProgramme], 10, (options.ProbeNominations / 10) + 10, options.Concurrency, "probe");
        world = new ScaleWorld(funder, nominators, funded, probeProgramme, seeded);
        Log($"{world.Trainings.Count} trainings open in {funded.Count} programmes ({clock.Elapsed.TotalSeconds:N0} s); enrolling {options.Enrolments:N0} ({options.Seed})");

        var progress = new Progress(options.Enrolments);
        clock.Restart();
        if (options.Seed == "grpc")
        {
            seeding.AddRange(await new GrpcEnrolment(trainings, callers, world, options.Concurrency).SeedAsync(options.EnrolmentsPerTraining, options.Enrolments, progress.Add));
        }
        else
        {
            // The service's store is a single-writer SQLite file: stop the service, write, start it again.
            await system.Process("trainings").StopAsync(TimeSpan.FromSeconds(30));
            await BulkEnrolment.SeedAsync(Path.Combine(data, "trainings.db"), world, options.EnrolmentsPerTraining, options.Enrolments, progress.Add);
            seeding.Add(("Bulk: nominate, approve, book, attendance, pre/post scores, complete (one TrainingStore write per training)", options.Trainings, clock.Elapsed));
            clock.Restart();
            await system.StartServiceAsync("trainings");
            Log($"trainings service restarted on the seeded file in {clock.Elapsed.TotalSeconds:N1} s");
        }
    }

    Log("measuring");
    using var measured = RpcChannel.ForAddress(system["trainings"].GrpcAddress);
    await using var memory = new ResidentMemory(system.Services.ToDictionary(s => s.Name, s => system.Process(s.Name).ProcessId, StringComparer.Ordinal));
    var figures = await new Measurements(measured, callers, world, options).RunAsync(probes, memory);
    var database = Directory.GetFiles(data, "trainings.db*").Sum(f => new FileInfo(f).Length);
    Console.WriteLine();
    Console.WriteLine(Report.Markdown(options, world, figures, seeding, database));
}
finally
{
    if (options.Data is null)
    {
        Directory.Delete(data, recursive: true);
    }
}

static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CapacityHub.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository (CapacityHub.sln not found).");
}

/// <summary>Prints how far seeding got every 5%, with the rate so far.</summary>
internal sealed class Progress(int total)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int done;
    private int reported;

    public void Add(int count)
    {
        var now = Interlocked.Add(ref done, count);
        var step = Math.Max(1, total / 20);
        if (now / step > Volatile.Read(ref reported) && Interlocked.Exchange(ref reported, now / step) < now / step)
        {
            Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}]   {now:N0} of {total:N0} enrolments, {now / clock.Elapsed.TotalSeconds:N0}/s");
        }
    }
}
