using System.Text.Json;

namespace CapacityHub.K8s.Tests;

internal sealed record ValidationReport(int Objects, IReadOnlyDictionary<string, int> Kinds, IReadOnlyList<string> Errors);

/// <summary>
/// Renders overlays with kubectl kustomize and runs the node validator (schemas from
/// kubernetes-models plus the project's conventions) on the result.
/// </summary>
public sealed class ManifestValidator : IAsyncLifetime
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public async Task InitializeAsync()
    {
        // npm ci installs exactly the locked validator dependencies.
        var install = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], RepositoryPaths.Validator);
        Assert.True(install.ExitCode == 0, "npm ci failed: " + install.StandardError);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal async Task<string> RenderAsync(string overlay)
    {
        var render = await ProcessRunner.RunAsync("kubectl", ["kustomize", Path.Combine(RepositoryPaths.Kubernetes, "overlays", overlay)], RepositoryPaths.Root);
        Assert.True(render.ExitCode == 0, $"kubectl kustomize {overlay} failed: {render.StandardError}");
        var file = Path.Combine(Path.GetTempPath(), $"capacityhub-{overlay}-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, render.StandardOutput);
        return file;
    }

    internal async Task<ValidationReport> ValidateAsync(string renderedFile, string? operatorSecretsFile = null)
    {
        List<string> arguments = ["validate.mjs", renderedFile];
        if (operatorSecretsFile is not null)
        {
            arguments.Add(operatorSecretsFile);
        }

        var run = await ProcessRunner.RunAsync("node", arguments, RepositoryPaths.Validator);
        Assert.True(run.ExitCode is 0 or 1, $"validator crashed ({run.ExitCode}): {run.StandardError}");
        var report = JsonSerializer.Deserialize<ValidationReport>(run.StandardOutput, JsonOptions)
            ?? throw new InvalidOperationException("validator printed no report");
        Assert.Equal(report.Errors.Count == 0 ? 0 : 1, run.ExitCode);
        return report;
    }
}

/// <summary>One validator (one npm ci) shared by every manifest test class.</summary>
[CollectionDefinition(Name)]
public sealed class ManifestCollection : ICollectionFixture<ManifestValidator>
{
    public const string Name = "manifests";
}
