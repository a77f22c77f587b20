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
    private readonly ProcessLog log;
    private bool stopRequested;
    private bool disposed;

    private ServiceProcess(ServiceDefinition definition, Process process, ProcessLog log)
    {
        Definition = definition;
        this.process = process;
        this.log = log;
        // Read once, here: the id and the exit code stay readable after the Process object is disposed.
        ProcessId = process.Id;
        Exited = ExitCodeAsync(process);
    }

    public ServiceDefinition Definition { get; }

    public int ProcessId { get; }

    /// <summary>Completes with the exit code once the process has ended and its output has reached the log.</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    /// <summary>
    /// Set before this process is asked to stop (<see cref="StopAsync"/>, dispose), so that a supervisor can tell
    /// a stop from a crash; <see cref="KillAsync"/> leaves it unset because it plays a crash.
    /// </summary>
    public bool StopRequested => Volatile.Read(ref stopRequested);

    public string LogFile => log.Path;

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

        var log = ProcessLog.Open(Path.Combine(logFolder, definition.Name + ".log"));
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(definition, process, log);
    }

    /// <summary>Asks the process to stop as Kubernetes would (SIGTERM), and kills it if it does not within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Volatile.Write(ref stopRequested, true);
        if (Exited.IsCompleted)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || Kill(ProcessId, SigTerm) != 0)
        {
            process.Kill(entireProcessTree: true);
        }

        try
        {
            await Exited.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await Exited;
        }
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would (so its supervisor starts it again).</summary>
    public async Task KillAsync()
    {
        if (!Exited.IsCompleted)
        {
            process.Kill(entireProcessTree: true);
        }

        await Exited;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
        await log.DisposeAsync();
    }

    private static async Task<int> ExitCodeAsync(Process process)
    {
        // This overload also waits for the redirected output to reach its end, so the log is complete.
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
