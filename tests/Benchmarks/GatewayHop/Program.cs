using System.Runtime.InteropServices;
using CapacityHub.Benchmarks.GatewayHop;
using CapacityHub.LocalRun;
using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Grpc.Core;

// tests/Benchmarks/GatewayHop/run.sh [--seconds S] [--warmup S] [--callers N] [--rounds R] [--base-port P] [--log-level L]
var options = HopOptions.Parse(args);
// The gateway's per-user token bucket (100 calls/s) would turn this load into RESOURCE_EXHAUSTED and
// measure the limit, not the hop. The limiter still runs on every call; only its bucket is made deep.
var environment = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Limits__PerUser__TokenLimit"] = "100000000",
    ["Limits__PerUser__TokensPerPeriod"] = "100000000",
};
if (options.LogLevel is { } level)
{
    environment["Logging__LogLevel__Default"] = level;
}

var root = Repository.FindRoot();
var basePort = options.BasePort ?? LocalPorts.FreeBasePort();
var data = Directory.CreateTempSubdirectory("capacityhub-gatewayhop-").FullName;
Log.Line($"data in {data}; services from {root} (Release), base port {basePort}");
// Ctrl+C or SIGTERM must not leave the service processes behind, also while they are still starting: then
// the start is cancelled and LocalSystem stops what it started; once running, the system is disposed here.
using var starting = new CancellationTokenSource();
LocalSystem? running = null;
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    if (Volatile.Read(ref running) is not { } started)
    {
        starting.Cancel();
        return;
    }

    started.DisposeAsync().AsTask().GetAwaiter().GetResult();
    Directory.Delete(data, recursive: true);
    Environment.Exit(130);
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    await using var system = await LocalSystem.StartAsync(new LocalRunOptions
    {
        RepositoryRoot = root,
        DataFolder = data,
        BasePort = basePort,
        SeedDemoData = false,
        Environment = environment,
    }, starting.Token);
    Volatile.Write(ref running, system);

    var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = system.Secrets.CallerTokenKey }, TimeProvider.System);
    var training = await TrainingUnderTest.CreateAsync(system, tokens);
    var bearer = await Target.DemoBearerTokenAsync(system["gateway"].WebAddress!, "admin");
    Log.Line($"reading {training}");

    var trainingsProcess = system.Process("trainings").ProcessId;
    var gatewayProcess = system.Process("gateway").ProcessId;
    using (var directChannel = ServiceChannels.Open(system["trainings"].GrpcAddress))
    using (var gatewayChannel = ServiceChannels.Open(system["gateway"].GrpcAddress))
    {
        // Each path with the credential it takes: the caller token the gateway would mint (valid five
        // minutes, longer than a run), or the user's bearer token that the gateway exchanges for one.
        var direct = new Target("direct", new TrainingService.TrainingServiceClient(directChannel),
            new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(TrainingUnderTest.Administrator) } }, [trainingsProcess]);
        var gateway = new Target("gateway", new TrainingService.TrainingServiceClient(gatewayChannel),
            new Metadata { { "authorization", "Bearer " + bearer } }, [gatewayProcess, trainingsProcess]);
        Target[] targets = [direct, gateway];

        // Tiered JIT and connection set-up first, with the heavier load, so no phase measures them.
        foreach (var target in targets)
        {
            Log.Line($"warming up {target.Name}, {options.Callers} callers, {options.Warmup.TotalSeconds:0} s");
            await Load.RunAsync(target, training, options.Callers, options.Warmup);
        }

        // Targets alternate round by round so that a burst of other work on the shared machine lands on
        // both rather than on one.
        async Task<Dictionary<string, PhaseResult>> PhaseAsync(int callers)
        {
            var results = targets.ToDictionary(t => t.Name, _ => PhaseResult.Empty, StringComparer.Ordinal);
            var slice = options.Phase / options.Rounds;
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var target in targets)
                {
                    var result = await Load.RunAsync(target, training, callers, slice);
                    Log.Line($"  round {round} {target.Name,-7} {callers,2} caller(s): {result.CallsPerSecond,8:N0} calls/s, p50 {result.P50:0.000} ms, p99 {result.P99:0.000} ms");
                    results[target.Name] = results[target.Name].Add(result);
                }
            }

            return results;
        }

        Log.Line($"measuring: 1 caller, then {options.Callers}; load average {Report.LoadAverage()}");
        var one = await PhaseAsync(1);
        var many = await PhaseAsync(options.Callers);
        Console.WriteLine();
        Console.WriteLine(Report.Markdown(options, one["direct"], one["gateway"], many["direct"], many["gateway"]));
    }
}
catch (OperationCanceledException) when (starting.IsCancellationRequested)
{
    Log.Line("interrupted while starting; the processes are stopped");
    Environment.ExitCode = 130;
}
finally
{
    Directory.Delete(data, recursive: true);
}
