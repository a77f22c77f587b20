namespace CapacityHub.LocalRun;

/// <summary>One process of the local system: which project it is and where it listens.</summary>
public sealed record ServiceDefinition(string Name, string ProjectFolder, string AssemblyName, int GrpcPort, int? WebPort = null)
{
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    public string? WebAddress => WebPort is { } port ? $"http://127.0.0.1:{port}" : null;

    /// <summary>The ports of the local run, counted up from one base so that two runs can sit side by side.</summary>
    public static IReadOnlyList<ServiceDefinition> All(int basePort) =>
    [
        new("programmes", "services/Programmes", "CapacityHub.Programmes", basePort + 1),
        new("partners", "services/Partners", "CapacityHub.Partners", basePort + 2),
        new("trainings", "services/Trainings", "CapacityHub.Trainings", basePort + 3),
        new("gateway", "gateway", "CapacityHub.Gateway", basePort + 81, WebPort: basePort + 80),
    ];
}
