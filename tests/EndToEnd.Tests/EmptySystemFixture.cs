namespace CapacityHub.EndToEnd.Tests;

/// <summary>One empty system (no demo data) for the scenario and the kill test, on ports of its own.</summary>
public sealed class EmptySystemFixture : IAsyncLifetime
{
    public const int BasePort = 7710;

    private readonly string folder = RunningSystem.NewDataFolder("empty");

    public RunningSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await RunningSystem.StartAsync(folder, BasePort, seed: false);

    public async Task DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }

        RunningSystem.DeleteFolder(folder);
    }
}
