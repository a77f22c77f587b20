using System.Runtime.InteropServices;
using CapacityHub.LocalRun;
using Microsoft.Extensions.Logging;

// ./run.sh → dotnet CapacityHub.LocalRun.dll [--data DIR] [--base-port N]
var data = ArgumentValue("--data") ?? "data";
var basePort = int.TryParse(ArgumentValue("--base-port"), out var port) ? port : 5100;
var root = Repository.FindRoot();

// Lives as long as the process: ProcessExit may fire after Main has returned.
var stop = new CancellationTokenSource();
// A stop before the system runs ends with 128 + the signal's number, as a shell reports an interrupted command.
var interruptedExitCode = 130;
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Stop(130);
};
// SIGTERM (kill, systemd, a CI runner): without cancelling the default, the runtime exits as soon as the
// handlers return and the four service processes are left running. Cancelling it lets Main stop them first.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    Stop(143);
});
// Declared before the system, so disposed after it: what happens while stopping is still written out.
using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.TimestampFormat = "HH:mm:ss "));

Console.WriteLine($"Starting CapacityHub from {root} (data in {Path.GetFullPath(data, root)}; a first start also enters the demo data) ...");
LocalSystem started;
try
{
    started = await LocalSystem.StartAsync(new LocalRunOptions
    {
        RepositoryRoot = root,
        DataFolder = Path.GetFullPath(data, root),
        BasePort = basePort,
        Environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal))
            .ToDictionary(k => k, k => Environment.GetEnvironmentVariable(k)!),
        LoggerFactory = loggerFactory,
    }, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // LocalSystem has already stopped what it started; an interrupted seeding carries on at the next start.
    Console.WriteLine("Stopped before CapacityHub was running; every process it had started has been stopped.");
    return interruptedExitCode;
}

await using var system = started;
Console.WriteLine();
if (system.Seeding is { AlreadySeeded: false } seeded)
{
    Console.WriteLine($"Demo data entered: {seeded.Organisations} organisations, {seeded.Programmes} programmes, {seeded.Trainings} trainings, {seeded.OutcomeReports} outcome reports.");
}

Console.WriteLine("CapacityHub is running:");
foreach (var service in system.Services)
{
    var web = service.WebAddress is { } w ? $"   web app and REST: {w}" : "";
    Console.WriteLine($"  {service.Name,-11} gRPC: {service.GrpcAddress}{web}");
}

Console.WriteLine($"  logs:       {Path.Combine(Path.GetFullPath(data, root), "logs")}");
Console.WriteLine();
Console.WriteLine("Press Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping ...");
}

return 0;

void Stop(int exitCode)
{
    // The first signal decides the exit code; a second Ctrl+C while stopping changes nothing.
    if (!stop.IsCancellationRequested)
    {
        interruptedExitCode = exitCode;
    }

    stop.Cancel();
}

string? ArgumentValue(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
