using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// Runs a script of python/ with Debian's python3-grpcio against the running system. Stubs are generated
/// once per test run from the repository's protos with grpc_tools.protoc into a temp folder.
/// </summary>
internal static partial class PythonClient
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<Task<string>> Stubs = new(GenerateAsync);

    public static async Task<string> RunAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        var stubs = await Stubs.Value;
        var extra = new Dictionary<string, string>(environment) { ["PYTHONPATH"] = stubs };
        return await RunPythonAsync(extra, Path.Combine(AppContext.BaseDirectory, "python", script));
    }

    private static async Task<string> GenerateAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "capacityhub-e2e-python-" + Guid.NewGuid().ToString("N"));
        var protos = Path.Combine(output, "protos");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunningSystem.DeleteFolder(output);
        var source = Path.Combine(RunningSystem.RepositoryRoot, "protos");
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "capacityhub"), "*.proto", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var target = Path.Combine(protos, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Debian's grpc_tools bundles protoc 3.5, which predates proto3 'optional'. Dropping the label keeps
            // every field number and type, so the wire format is the same; only presence tracking is lost.
            // The google.api.http options only shape the gateway's REST face; without them (and their import,
            // which Debian's grpc_tools does not ship) the messages and services are the same on the wire.
            var text = OptionalLabel().Replace(await File.ReadAllTextAsync(file), "$1");
            text = HttpOption().Replace(text.Replace("import \"google/api/annotations.proto\";\n", "", StringComparison.Ordinal), "");
            await File.WriteAllTextAsync(target, text);
            files.Add(relative);
        }

        var wellKnown = (await RunPythonAsync(new Dictionary<string, string>(), "-c",
            "import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), '_proto'))")).Trim();
        await RunPythonAsync(new Dictionary<string, string>(), [
            "-m", "grpc_tools.protoc", "-I", protos, "-I", wellKnown, "--python_out=" + output, "--grpc_python_out=" + output, .. files]);
        return output;
    }

    private static async Task<string> RunPythonAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return await stdout;
    }

    [GeneratedRegex(@"\s*option \(google\.api\.http\) = \{.*?\};", RegexOptions.Singleline)]
    private static partial Regex HttpOption();

    [GeneratedRegex(@"(?m)^(\s*)optional\s+")]
    private static partial Regex OptionalLabel();
}
