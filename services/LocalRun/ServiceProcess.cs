using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CapacityHub.LocalRun;

/// <summary>
/// One running service process. Its output goes to a log file under the data folder, so the
/// terminal shows the system's addresses rather than four interleaved JSON log streams.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly StreamWriter log;

    private ServiceProcess(ServiceDefinition definition, Process process, StreamWriter log)
    {
        Definition = definition;
        this.process = process;
        this.log = log;
    }

    public ServiceDefinition Definition { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public string LogFile { get; private init; } = "";

    public static ServiceProcess Start(ServiceDefinition definition, string assemblyPath, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"{definition.Name} is not built: {assemblyPath} is missing (run dotnet build first).", assemblyPath);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(logFolder);
        var logFile = Path.Combine(logFolder, definition.Name + ".log");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(definition, process, log) { LogFile = logFile };
    }

    /// <summary>Asks the process to stop as Kubernetes would (SIGTERM), and kills it if it does not within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || Kill(process.Id, SigTerm) != 0)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
        await log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
