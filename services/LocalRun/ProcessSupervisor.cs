using Microsoft.Extensions.Logging;

namespace CapacityHub.LocalRun;

/// <summary>
/// Keeps one service of the local system running, as a kubelet keeps a pod's container running: once the
/// process has served, an exit nobody asked for is logged and the process is started again (same
/// arguments, ports and data) after a back-off (<see cref="RestartPolicy"/>), and waited for until it serves.
/// A stop that was asked for (<see cref="ServiceProcess.StopAsync"/>, <see cref="DisposeAsync"/>, a start
/// that replaces the process) is never undone.
/// </summary>
public sealed partial class ProcessSupervisor : IAsyncDisposable
{
    // Enough for the last words of a crash (an unhandled exception's message and first frames), short enough for a terminal.
    private const int TailLines = 8;
    private const int TailLineLength = 240;

    private readonly ServiceDefinition definition;
    private readonly Func<ServiceProcess> launch;
    private readonly ServiceReadiness readiness;
    private readonly RestartPolicy policy;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    // Held while the process is being replaced, so a restart after a crash and a start that was asked for
    // never run at once (they would fight over the port and the log file).
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource standDown = new();
    private readonly List<Task> watchers = [];
    private ServiceProcess? current;
    private ServiceProcess? supervised;
    private DateTimeOffset servingSince;
    private int failures;
    private bool disposed;

    public ProcessSupervisor(
        ServiceDefinition definition, Func<ServiceProcess> launch, ServiceReadiness readiness, RestartPolicy policy, TimeProvider clock, ILogger<ProcessSupervisor> logger)
    {
        this.definition = definition;
        this.launch = launch;
        this.readiness = readiness;
        this.policy = policy;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>The process running now; a restart replaces it, so read it again rather than keeping it.</summary>
    public ServiceProcess Current => Volatile.Read(ref current) ?? throw new InvalidOperationException($"{definition.Name} has not been started.");

    /// <summary>
    /// Starts the process unless it is running already (it may have been started again after a crash), then waits
    /// until it serves; a start asked for while a restart waits out its back-off starts it at once. Supervision
    /// begins once it serves: a process that cannot start at all fails this call instead of looping.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(standDown.IsCancellationRequested, this);
            if (current is { HasExited: false, StopRequested: false } running)
            {
                // Starting it again would only cut off its callers once more.
                await readiness.WaitUntilServingAsync(running, cancellationToken);
                Supervise(running);
                return;
            }

            await ReplaceAsync(cancellationToken);
            failures = 0;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Stops restarting from now on, without waiting. Called for every service before any is stopped, so that
    /// a service exiting because the whole system is stopping is not mistaken for a crash.
    /// </summary>
    public void StandDown()
    {
        if (!disposed)
        {
            standDown.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        StandDown();
        disposed = true;
        Task[] watching;
        await gate.WaitAsync();
        try
        {
            if (current is { } process)
            {
                LogStopping(logger, definition.Name, process.ProcessId);
                await process.DisposeAsync();
            }

            watching = [.. watchers];
        }
        finally
        {
            gate.Release();
        }

        // Every watcher ends promptly once standing down: none may outlive the system it watched.
        await Task.WhenAll(watching);
        standDown.Dispose();
        gate.Dispose();
    }

    /// <summary>Under the gate: the old process (if any) is stopped on purpose before the new one takes its port.</summary>
    private async Task ReplaceAsync(CancellationToken cancellationToken)
    {
        if (current is { } previous)
        {
            await previous.DisposeAsync();
        }

        var process = launch();
        Volatile.Write(ref current, process);
        LogStarted(logger, definition.Name, process.ProcessId, process.LogFile);
        await readiness.WaitUntilServingAsync(process, cancellationToken);
        LogServing(logger, definition.Name, process.ProcessId, definition.GrpcAddress);
        Supervise(process);
    }

    /// <summary>Under the gate, once the process serves: from now on its exit is watched (once).</summary>
    private void Supervise(ServiceProcess process)
    {
        if (ReferenceEquals(supervised, process))
        {
            return;
        }

        supervised = process;
        servingSince = clock.GetUtcNow();
        watchers.RemoveAll(w => w.IsCompleted);
        watchers.Add(WatchAsync(process));
    }

    private async Task WatchAsync(ServiceProcess process)
    {
        try
        {
            var exitCode = await process.Exited.WaitAsync(standDown.Token);
            TimeSpan delay;
            await gate.WaitAsync(standDown.Token);
            try
            {
                // A stop that was asked for, or a start that replaced this process meanwhile, is not a crash.
                if (process.StopRequested || !ReferenceEquals(process, current))
                {
                    return;
                }

                var served = clock.GetUtcNow() - servingSince;
                failures = policy.FailuresAfterExit(failures, served);
                delay = policy.DelayAfter(failures);
                LogExitedUnexpectedly(logger, definition.Name, process.ProcessId, exitCode, served.TotalSeconds, process.LogFile, LogTail.Read(process.LogFile, TailLines, TailLineLength));
            }
            finally
            {
                gate.Release();
            }

            await RestartAsync(process, delay);
        }
        catch (OperationCanceledException) when (standDown.IsCancellationRequested)
        {
            // The system is stopping: nothing to restart.
        }
        catch (Exception e)
        {
            // Nobody awaits a watcher until the system stops: say why supervision ended rather than lose it.
            LogSupervisionFailed(logger, e, definition.Name);
        }
    }

    /// <summary>
    /// Outside the gate, called with the delay worked out under it (a start asked for meanwhile resets the count,
    /// so the count is only ever read under the gate).
    /// </summary>
    private async Task RestartAsync(ServiceProcess failed, TimeSpan delay)
    {
        while (true)
        {
            LogRestarting(logger, definition.Name, delay.TotalSeconds);
            // Outside the gate, so that a start asked for meanwhile need not wait out the back-off.
            await Task.Delay(delay, clock, standDown.Token);
            await gate.WaitAsync(standDown.Token);
            try
            {
                if (!ReferenceEquals(failed, current))
                {
                    return;
                }

                try
                {
                    await ReplaceAsync(standDown.Token);
                    LogRestarted(logger, definition.Name, Current.ProcessId, failures);
                    return;
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
                {
                    // Exited again while starting, never served, or could not even be launched: back off further.
                    failures++;
                    delay = policy.DelayAfter(failures);
                    failed = current!;
                    LogRestartFailed(logger, definition.Name, failures, e.Message);
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} started (pid {ProcessId}); its output goes to {LogFile}")]
    private static partial void LogStarted(ILogger logger, string service, int processId, string logFile);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service} (pid {ProcessId}) serves on {Address}")]
    private static partial void LogServing(ILogger logger, string service, int processId, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} (pid {ProcessId}) exited unexpectedly with code {ExitCode} after serving for {ServedSeconds:0.#} s; the last lines of {LogFile}:\n{LogTail}")]
    private static partial void LogExitedUnexpectedly(ILogger logger, string service, int processId, int exitCode, double servedSeconds, string logFile, string logTail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting {Service} again in {DelaySeconds:0.#} s")]
    private static partial void LogRestarting(ILogger logger, string service, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} serves again (pid {ProcessId}) after failure {Failures} in a row")]
    private static partial void LogRestarted(ILogger logger, string service, int processId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} did not start again (failure {Failures} in a row): {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string service, int failures, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stopping {Service} (pid {ProcessId})")]
    private static partial void LogStopping(ILogger logger, string service, int processId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Supervision of {Service} ended; it will not be started again if it exits")]
    private static partial void LogSupervisionFailed(ILogger logger, Exception exception, string service);
}
