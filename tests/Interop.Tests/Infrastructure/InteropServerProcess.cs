using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CapacityHub.Interop.Tests.Infrastructure;

/// <summary>
/// The interop server as a child process on a port the OS picks (--port 0); the port is read
/// from its "Listening on port N" line. Disposing kills it.
/// </summary>
public sealed partial class InteropServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private InteropServerProcess(Process process) => _process = process;

    public int Port { get; private set; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<InteropServerProcess> StartAsync(params string[] extraArguments)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "CapacityHub.Interop.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { serverDll, "--port", "0" }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the interop server.");
        var server = new InteropServerProcess(process);
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => server.Record(e.Data, port);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data, null);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => port.TrySetException(
            new InvalidOperationException($"The interop server exited early:\n{server.Output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.Port = await port.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private void Record(string? line, TaskCompletionSource<int>? port)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (port is not null && match.Success)
        {
            port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Listening on port (\d+)")]
    private static partial Regex ListeningLine();
}
