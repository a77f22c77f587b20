namespace CapacityHub.K8s.Tests;

[Collection(ManifestCollection.Name)]
public sealed class OverlayTests(ManifestValidator validator)
{
    private static readonly string[] Applications = ["programmes", "partners", "trainings", "gateway"];

    public static TheoryData<string> Overlays => ["dev", "prod", "prod-managed-mongodb"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryRenderedObjectMatchesTheApiSchemasAndConventions(string overlay)
    {
        var report = await validator.ValidateAsync(await validator.RenderAsync(overlay), OperatorSecrets(overlay));

        Assert.Empty(report.Errors);
        Assert.True(report.Objects >= 35, $"only {report.Objects} objects rendered");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryApplicationHasItsFullSetOfObjects(string overlay)
    {
        var rendered = await File.ReadAllTextAsync(await validator.RenderAsync(overlay));
        var documents = rendered.Split("\n---\n");

        foreach (var app in Applications)
        {
            foreach (var kind in new[] { "Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler" })
            {
                Assert.Contains(documents, d => d.Contains($"kind: {kind}\n", StringComparison.Ordinal) && d.Contains($"\n  name: {app}\n", StringComparison.Ordinal));
            }
        }

        Assert.Contains(documents, d => d.Contains("kind: Deployment\n", StringComparison.Ordinal) && d.Contains("\n  name: otel-collector\n", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryApplicationGetsTheCallerTokenKeyFromASecretAndNoDemoSignIn(string overlay)
    {
        // Services refuse to start in Production without Identity:SigningKey, and the gateway signs with it.
        var documents = (await File.ReadAllTextAsync(await validator.RenderAsync(overlay))).Split("\n---\n");

        foreach (var app in Applications)
        {
            var deployment = Assert.Single(documents, d => d.StartsWith("apiVersion: apps/v1\nkind: Deployment\n", StringComparison.Ordinal) && d.Contains($"\n  name: {app}\n", StringComparison.Ordinal));
            Assert.Matches(@"- name: Identity__SigningKey\s+valueFrom:\s+secretKeyRef:\s+key: signing-key\s+name: capacityhub-identity(-[a-z0-9]+)?\n", deployment);
            Assert.DoesNotContain("DemoSigningKey", deployment, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("prod", true)]
    [InlineData("prod-managed-mongodb", false)]
    public async Task OnlyInClusterOverlaysRunTheMongoDbReplicaSet(string overlay, bool inCluster)
    {
        var report = await validator.ValidateAsync(await validator.RenderAsync(overlay), OperatorSecrets(overlay));

        Assert.Equal(inCluster ? 1 : 0, report.Kinds.GetValueOrDefault("StatefulSet"));
        Assert.Equal(inCluster ? 1 : 0, report.Kinds.GetValueOrDefault("Job"));
    }

    [Fact]
    public async Task ProductionOverlaysRunThreeReplicasAndDevelopmentOne()
    {
        var prod = await File.ReadAllTextAsync(await validator.RenderAsync("prod"));
        var dev = await File.ReadAllTextAsync(await validator.RenderAsync("dev"));

        Assert.Equal(4, CountOccurrences(prod, "\n  minReplicas: 3\n"));
        Assert.Equal(4, CountOccurrences(dev, "\n  minReplicas: 1\n"));
        Assert.DoesNotContain("dev-root-password", prod, StringComparison.Ordinal);
    }

    private static string? OperatorSecrets(string overlay)
    {
        var file = Path.Combine(RepositoryPaths.Kubernetes, "overlays", overlay, "operator-secrets.txt");
        return File.Exists(file) ? file : null;
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
