using System.Diagnostics;

namespace CapacityHub.Interop.Tests.Infrastructure;

/// <summary>Runs the Python peers (Debian's /usr/bin/python3 with python3-grpcio and python3-h2).</summary>
public static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    public static string ScriptDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "python");

    public static async Task<ProcessResult> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ScriptDirectory,
        };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add(Path.Combine(ScriptDirectory, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Interpreter}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(-1, await stdout, await stderr + $"\n[killed after {timeout.TotalSeconds}s]");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
