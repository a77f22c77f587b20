using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CapacityHub.LocalRun;
using CapacityHub.LocalRun.Seeding;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// Stopping the local run before it is up (Ctrl+C or SIGTERM while services start or the demo data goes in)
/// stops every process it had started and ends quietly: an <see cref="OperationCanceledException"/> from
/// <see cref="LocalSystem.StartAsync"/>, and from ./run.sh one line and a 128+signal exit code, no stack trace.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed partial class StopDuringStartTests(ITestOutputHelper output) : IDisposable
{
    // 128 + SIGTERM's number, as a shell reports a command ended by SIGTERM.
    private const int SigTermExitCode = 143;

    // Upper bound only; a start with seeding normally takes well under half of it.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private readonly string folder = RunningSystem.NewDataFolder("stop");

    public void Dispose() => RunningSystem.DeleteFolder(folder);

    [Fact]
    public async Task CancellingTheStartWhileServicesStartStopsEveryProcessItStarted()
    {
        using var cancel = new CancellationTokenSource();
        var logs = new LogCapture
        {
            // Programmes serves and Partners is starting: the middle of the start-up.
            OnLog = r =>
            {
                if (r.Template.StartsWith("{Service} started", StringComparison.Ordinal) && Equals(r["Service"], "partners"))
                {
                    // Not on the logging thread: cancelling runs the start's continuations.
                    _ = Task.Run(cancel.Cancel);
                }
            },
        };
        using var loggerFactory = logs.CreateFactory();

        var start = LocalSystem.StartAsync(RunningSystem.Options(folder, LocalPorts.FreeBasePort(), seed: false, loggerFactory), cancel.Token);
        var stopped = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start.WaitAsync(Bound));
        output.WriteLine($"{stopped.GetType().Name}: {stopped.Message}");

        var started = logs.Started;
        Assert.Equal(new[] { "programmes", "partners" }, started.Select(s => s.Service));
        AssertGone(started);
        Assert.DoesNotContain(logs.Records, r => r.Level >= LogLevel.Warning);

        // Nothing is started again once the start has returned, not even after the first restart back-off.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(started, logs.Started);
    }

    [Fact]
    public async Task SigtermWhileTheDemoDataGoesInEndsTheRunWithOneLineAndNoProcessLeft()
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var seeding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var run = new Process { StartInfo = RunCommand(folder, LocalPorts.FreeBasePort()) };
        run.OutputDataReceived += (_, e) =>
        {
            lock (stdout)
            {
                stdout.AppendLine(e.Data);
            }

            if (e.Data?.Contains("entering the demo data", StringComparison.Ordinal) == true)
            {
                seeding.TrySetResult();
            }
        };
        run.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        run.Start();
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        try
        {
            await seeding.Task.WaitAsync(Bound);
            Signal(run.Id, "TERM");
            await run.WaitForExitAsync().WaitAsync(Bound);
        }
        finally
        {
            // Only if the test failed before the run ended: a leftover run would hold ports and processes.
            if (!run.HasExited)
            {
                run.Kill(entireProcessTree: true);
            }
        }

        var said = stdout.ToString();
        output.WriteLine(said);
        output.WriteLine(stderr.ToString());
        Assert.Equal(SigTermExitCode, run.ExitCode);
        Assert.Contains("Stopped before CapacityHub was running", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", said + stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), said + stderr);
        Assert.Equal("", stderr.ToString().Trim());

        var started = StartedProcesses().Matches(said).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(new[] { "programmes", "partners", "trainings", "gateway" }, started.Select(s => s.Item1));
        AssertGone(started);
        // Interrupted, so not marked as seeded: the next start enters the rest.
        Assert.False(File.Exists(Path.Combine(folder, DemoSeeder.MarkerFile)));
    }

    /// <summary>./run.sh's last step, from the copy of the run command built beside these tests.</summary>
    private static ProcessStartInfo RunCommand(string dataFolder, int basePort)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "CapacityHub.LocalRun.dll"), "--data", dataFolder, "--base-port", basePort.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static void Signal(int processId, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, processId.ToString()]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static void AssertGone(IEnumerable<(string Service, int ProcessId)> started)
    {
        foreach (var (service, processId) in started)
        {
            Assert.False(IsRunning(processId), $"{service} (pid {processId}) is still running");
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(\w+) started \(pid (\d+)\)")]
    private static partial Regex StartedProcesses();

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
