using CapacityHub.ServiceDefaults.Clients;
using System.Net.Http.Json;
using CapacityHub.LocalRun;
using CapacityHub.Observability.Tests.Otlp;
using Grpc.Core;

namespace CapacityHub.Observability.Tests.CrossProcess;

/// <summary>
/// The real CapacityHub processes (LocalRun, as ./run.sh starts them) on a temp folder, exporting every
/// signal over OTLP/HTTP protobuf to a receiver in the test. Needs the Release binaries (dotnet build first).
/// </summary>
public sealed class ObservedSystem : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("capacityhub-otlp-").FullName;
    private LocalSystem? system;

    public OtlpReceiver Receiver { get; } = new();

    public LocalSystem System => system ?? throw new InvalidOperationException("Not started.");

    public ServiceChannel? Gateway { get; private set; }

    public async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        system = await LocalSystem.StartAsync(new LocalRunOptions
        {
            // One call's trace is under test; seeding would only add traces to sift through.
            SeedDemoData = false,
            RepositoryRoot = Repository.FindRoot(),
            DataFolder = folder,
            BasePort = LocalPorts.FreeBasePort(),
            Configuration = BuildConfiguration(),
            Environment = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                // Export within a fraction of a second rather than the defaults' 5 s (spans) and 60 s (metrics).
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
                ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=otlp-test",
            },
        });
        Gateway = ServiceChannels.Open(System["gateway"].GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (system is not null)
        {
            await system.DisposeAsync();
        }

        await Receiver.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A bearer token for a demo account, from the gateway's local sign-in.</summary>
    public async Task<string> TokenAsync(string account)
    {
        using var http = new HttpClient { BaseAddress = new Uri(System["gateway"].WebAddress!) };
        using var response = await http.PostAsJsonAsync("/demo/token", new { account });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<DemoToken>();
        return token!.AccessToken;
    }
    // The services are started from the same configuration the tests were built in (bin/<config>/net10.0).
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private sealed record DemoToken(string AccessToken);
}
