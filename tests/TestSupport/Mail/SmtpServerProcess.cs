using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CapacityHub.TestSupport.Mail;

/// <summary>
/// A real SMTP server in its own process: Debian's python3-aiosmtpd on a free loopback port, delivering every
/// message it accepts into a Maildir, which tests read back as the files a mail client would.
/// </summary>
public sealed class SmtpServerProcess : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process process;
    private readonly string root;

    private SmtpServerProcess(Process process, string root, int port)
    {
        this.process = process;
        this.root = root;
        Port = port;
    }

    public int Port { get; }

    private string NewMail => Path.Combine(root, "maildir", "new");

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public static async Task<SmtpServerProcess> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("capacityhub-smtp-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(root, "maildir") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python} -m aiosmtpd.");
        var server = new SmtpServerProcess(process, root, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (process.HasExited)
            {
                var error = await process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode} (install Debian's python3-aiosmtpd): {error}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The raw messages delivered so far, oldest first.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.Exists(NewMail)
            ? [.. new DirectoryInfo(NewMail).GetFiles().OrderBy(f => f.LastWriteTimeUtc).Select(f => f.FullName)]
            : [];

    /// <summary>Waits until at least <paramref name="count"/> messages arrived and returns their files.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Messages().Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Messages().Count} message(s) arrived at the SMTP server within {timeout}, not {count}.");
            }

            await Task.Delay(100);
        }

        return Messages();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
