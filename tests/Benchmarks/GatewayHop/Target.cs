using System.Diagnostics;
using System.Net.Http.Json;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Benchmarks.GatewayHop;

/// <summary>
/// One way to reach GetTraining: a generated client on its own channel (ServiceChannels' settings, as
/// every CapacityHub caller has), the credential that path takes, and the server processes whose CPU a
/// call on it costs.
/// </summary>
public sealed class Target(string name, TrainingService.TrainingServiceClient client, Metadata credential, IReadOnlyList<int> serverProcesses)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public string Name { get; } = name;

    public async Task GetAsync(GetTrainingRequest request)
    {
        var training = await client.GetTrainingAsync(request, new CallOptions(credential, DateTime.UtcNow + Deadline));
        // A wrong answer must never count as a fast one.
        if (training.Name != request.Name)
        {
            throw new InvalidOperationException($"{Name}: GetTraining({request.Name}) answered {training.Name}.");
        }
    }

    /// <summary>User plus system CPU time of the processes that serve this path, so far.</summary>
    public TimeSpan ServerCpu()
    {
        var total = TimeSpan.Zero;
        foreach (var id in serverProcesses)
        {
            using var process = Process.GetProcessById(id);
            total += process.TotalProcessorTime;
        }

        return total;
    }

    /// <summary>An administrator's bearer token from the gateway's demo sign-in (Local environment only).</summary>
    public static async Task<string> DemoBearerTokenAsync(string gatewayWebAddress, string account)
    {
        using var http = new HttpClient { BaseAddress = new Uri(gatewayWebAddress) };
        using var response = await http.PostAsJsonAsync("/demo/token", new { account });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<DemoTokenResponse>();
        return body?.AccessToken ?? throw new InvalidOperationException("The gateway's /demo/token answered no access token.");
    }

    private sealed record DemoTokenResponse(string AccessToken);
}
