using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CapacityHub.Rpc.Tests.Client.Support;

/// <summary>
/// The grpcio test server (python/echo_server.py) in its own process. It exits when its stdin closes,
/// so it cannot outlive the test run even if a test crashes.
/// </summary>
internal sealed class PythonEchoServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PythonEchoServer(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("PORT ", StringComparison.Ordinal))
            {
                _port.TrySetResult(int.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (e.Data is { } other)
            {
                lock (_errors)
                {
                    _errors.AppendLine(other);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.Exited += (_, _) => _port.TrySetException(new InvalidOperationException("The python server exited: " + Errors));
        _process.EnableRaisingEvents = true;
    }

    public int Port { get; private set; }

    public string Address => $"http://127.0.0.1:{Port}";

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts a server and waits until it serves.</summary>
    public static async Task<PythonEchoServer> StartAsync(params string[] arguments)
    {
        var server = await LaunchAsync(arguments);
        server.Port = await server._port.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    /// <summary>Starts a server on the given port without waiting for it (it may come up late on purpose).</summary>
    public static async Task<PythonEchoServer> LaunchOnPortAsync(int port, params string[] arguments)
    {
        var server = await LaunchAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments]);
        server.Port = port;
        return server;
    }

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task WaitUntilServingAsync() => await _port.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<PythonEchoServer> LaunchAsync(string[] arguments)
    {
        var stubs = await PythonStubs.DirectoryAsync();
        var start = new ProcessStartInfo(PythonStubs.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(PythonStubs.ScriptDirectory, "echo_server.py"));
        start.ArgumentList.Add("--gen");
        start.ArgumentList.Add(stubs);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var server = new PythonEchoServer(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }
}
