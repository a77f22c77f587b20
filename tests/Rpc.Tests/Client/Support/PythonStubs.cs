using System.Diagnostics;

namespace CapacityHub.Rpc.Tests.Client.Support;

/// <summary>
/// Python stubs for the test server, generated once per test run with grpc_tools.protoc from
/// echo.proto, rich_status.proto and the repository's own health.proto.
/// </summary>
internal static class PythonStubs
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<Task<string>> Generated = new(GenerateAsync);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ScriptDirectory => Path.Combine(RepositoryRoot, "tests", "Rpc.Tests", "Client", "python");

    public static Task<string> DirectoryAsync() => Generated.Value;

    private static async Task<string> GenerateAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "capacityhub-rpc-client-stubs-" + Guid.NewGuid().ToString("N"));
        var protos = Path.Combine(output, "protos");
        Directory.CreateDirectory(protos);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);

        // Compiled from a flat folder: grpc/health/v1/health_pb2 would clash with the grpc package itself.
        File.Copy(Path.Combine(RepositoryRoot, "protos", "grpc", "health", "v1", "health.proto"), Path.Combine(protos, "health.proto"));
        File.Copy(Path.Combine(ScriptDirectory, "echo.proto"), Path.Combine(protos, "echo.proto"));
        File.Copy(Path.Combine(ScriptDirectory, "rich_status.proto"), Path.Combine(protos, "rich_status.proto"));

        var wellKnown = (await RunAsync(
            "-c", "import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), '_proto'))")).Trim();
        await RunAsync(
            "-m", "grpc_tools.protoc", "-I", protos, "-I", wellKnown, "--python_out=" + output, "--grpc_python_out=" + output,
            "echo.proto", "health.proto", "rich_status.proto");
        return output;
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 {string.Join(' ', arguments)} failed: {await stderr}");
        }

        return await stdout;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "protos", "grpc", "health", "v1", "health.proto")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
