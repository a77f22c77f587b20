namespace CapacityHub.K8s.Tests;

/// <summary>The validator is only worth running if it fails on broken manifests.</summary>
[Collection(ManifestCollection.Name)]
public sealed class ValidatorCatchesMistakesTests(ManifestValidator validator)
{
    [Theory]
    [InlineData("Deployment/careless: schema:")]
    [InlineData("image registry.example.org/capacityhub/careless:latest uses the floating tag latest")]
    [InlineData("container careless: resources.limits.memory is missing")]
    [InlineData("securityContext.allowPrivilegeEscalation must be false")]
    [InlineData("securityContext.readOnlyRootFilesystem must be true")]
    [InlineData("securityContext.capabilities.drop must include ALL")]
    [InlineData("runAsNonRoot must be true")]
    [InlineData("livenessProbe is missing")]
    [InlineData("readinessProbe uses port 6000, which the container does not expose")]
    [InlineData("refers to unknown Secret missing-secret")]
    [InlineData("serviceAccountName nobody is not defined")]
    [InlineData("Service/careless: port grpc targets web, which no selected container exposes")]
    [InlineData("Service/careless: must be headless")]
    [InlineData("Deployment/careless: no PodDisruptionBudget selects it")]
    [InlineData("Deployment/careless: no HorizontalPodAutoscaler targets it")]
    [InlineData("a default-deny policy for ingress and egress is required")]
    [InlineData("Ingress/careless: TLS is required")]
    public async Task BrokenManifestIsReported(string expectedError)
    {
        var report = await validator.ValidateAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "broken.yaml"));

        Assert.Contains(report.Errors, e => e.Contains(expectedError, StringComparison.Ordinal));
    }
}
