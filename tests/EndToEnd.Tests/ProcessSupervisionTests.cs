using System.Diagnostics;
using CapacityHub.LocalRun;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// The local run keeps its processes running: a service killed from outside (as the OOM killer would) is started
/// again on its port and its data, and says so in the log; a stop that was asked for stays a stop. Each test has
/// a system of its own: the services' and the gateway's channels to a restarted process back off for a few
/// seconds, which the shared system's other tests should not have to wait out.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class ProcessSupervisionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ProgrammeId = "e2e-supervision";
    // 128 + SIGKILL's number: how .NET (and a shell) report a process ended by that signal.
    private const int SigKillExitCode = 137;

    // Upper bounds only: a restart normally takes a few seconds (1 s back-off, then a .NET start-up).
    private static readonly TimeSpan RestartBound = TimeSpan.FromSeconds(60);

    private readonly string folder = RunningSystem.NewDataFolder("supervision");
    private RunningSystem system = null!;

    private CallOptions Admin => system.As(Callers.Admin);

    private CallOptions Manager => system.As(Callers.Manager(ProgrammeId));

    public async Task InitializeAsync() => system = await RunningSystem.StartAsync(folder, LocalPorts.FreeBasePort(), seed: false);

    public async Task DisposeAsync()
    {
        if (system is not null)
        {
            await system.DisposeAsync();
        }

        RunningSystem.DeleteFolder(folder);
    }

    [Fact]
    public async Task AKilledServiceIsStartedAgainOnItsPortWithItsData()
    {
        var written = await WriteATrainingAsync();
        var address = system.System["trainings"].GrpcAddress;
        var killed = system.System.Process("trainings");

        using (var process = Process.GetProcessById(killed.ProcessId))
        {
            process.Kill();
        }

        await killed.Exited.WaitAsync(RestartBound);
        using var probe = new HealthProbe();
        await WaitUntilAsync("trainings serves again", async () =>
            system.System.Process("trainings") is { HasExited: false } again && again.ProcessId != killed.ProcessId
            && await probe.IsServingAsync(address, CancellationToken.None));

        // The same port (the address is fixed per system) and the same SQLite file: what was written is there.
        Assert.Equal(address, system.System.Process("trainings").Definition.GrpcAddress);
        var read = await CallUntilAvailableAsync(() =>
            system.Clients.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = written.Name }, Manager).ResponseAsync);
        Assert.Equal(written, read);

        var exit = Assert.Single(system.Logs.Records, r => r.Template.Contains("exited unexpectedly", StringComparison.Ordinal)
            && Equals(r["ProcessId"], killed.ProcessId));
        output.WriteLine(exit.Message);
        Assert.Equal(LogLevel.Warning, exit.Level);
        Assert.Equal("trainings", exit["Service"]);
        Assert.Equal(SigKillExitCode, exit["ExitCode"]);
        Assert.Equal(killed.LogFile, exit["LogFile"]);
        Assert.Contains(killed.LogFile, exit.Message, StringComparison.Ordinal);
        var restarted = system.System.Process("trainings");
        Assert.Contains(system.Logs.Started, s => s.Service == "trainings" && s.ProcessId == restarted.ProcessId);

        // Asking for a start now finds it running and leaves it be, rather than cutting off its callers again.
        await system.System.StartServiceAsync("trainings");
        Assert.Same(restarted, system.System.Process("trainings"));
    }

    [Fact]
    public async Task AServiceStoppedOnPurposeStaysStoppedUntilStartedAgain()
    {
        var stopped = system.System.Process("partners");
        var startsBefore = system.Logs.Started.Count;

        await stopped.StopAsync(TimeSpan.FromSeconds(30));
        // Long enough for the first back-off (1 s) and a launch, had the supervisor taken this for a crash.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Same(stopped, system.System.Process("partners"));
        Assert.True(stopped.HasExited);
        Assert.Equal(startsBefore, system.Logs.Started.Count);
        Assert.DoesNotContain(system.Logs.Records, r => Equals(r["ProcessId"], stopped.ProcessId) && r.Level >= LogLevel.Warning);

        await system.System.StartServiceAsync("partners");
        Assert.NotEqual(stopped.ProcessId, system.System.Process("partners").ProcessId);
        await CallUntilAvailableAsync(() => system.Clients.Partners.ListOrganisationsAsync(new ListOrganisationsRequest(), Admin).ResponseAsync);
    }

    private async Task<Training> WriteATrainingAsync()
    {
        var programme = ScenarioData.YearProgramme();
        programme.Code = "E2E-SUPERVISION";
        programme.Title = "Supervision test programme";
        programme.Managers.Add(Callers.Manager(ProgrammeId).Subject);
        await CallUntilAvailableAsync(() => system.Clients.Programmes.CreateProgrammeAsync(
            new CreateProgrammeRequest { ProgrammeId = ProgrammeId, RequestId = "supervision-programme", Programme = programme }, Admin).ResponseAsync);

        var training = ScenarioData.Bangkok();
        training.Programme = $"programmes/{ProgrammeId}";
        training.Title = "Supervised training";
        return await CallUntilAvailableAsync(() => system.Clients.Trainings.CreateTrainingAsync(
            new CreateTrainingRequest { TrainingId = "e2e-supervised", RequestId = "supervision-training", Training = training }, Manager).ResponseAsync);
    }

    /// <summary>
    /// A client's channel that saw its server die backs off before it connects again (up to 5 s), so its first
    /// calls after a restart may still say UNAVAILABLE.
    /// </summary>
    private static async Task<T> CallUntilAvailableAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + RestartBound;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task WaitUntilAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + RestartBound;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within {RestartBound.TotalSeconds:0}s");
            await Task.Delay(200);
        }
    }
}
