using CapacityHub.LocalRun;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>One empty system (no demo data) for the scenario and the kill test, on ports of its own.</summary>
public sealed class EmptySystemFixture : IAsyncLifetime
{
    // A free block rather than fixed ports: another test run on this machine (a CI job, another checkout)
    // would otherwise answer this run's calls with its own keys and data.
    private readonly int basePort = LocalPorts.FreeBasePort();

    private readonly string folder = RunningSystem.NewDataFolder("empty");

    public RunningSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await RunningSystem.StartAsync(folder, basePort, seed: false);

    public async Task DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }

        RunningSystem.DeleteFolder(folder);
    }
}
