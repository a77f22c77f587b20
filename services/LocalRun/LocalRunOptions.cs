using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapacityHub.LocalRun;

public sealed record LocalRunOptions
{
    /// <summary>The repository checkout whose built services are started.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>SQLite files, logs and local keys live here; reusing it keeps the data.</summary>
    public required string DataFolder { get; init; }

    public int BasePort { get; init; } = 5100;

    /// <summary>The build configuration whose binaries are started (Release for ./run.sh).</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Extra environment for every process (e.g. OTEL_* to export telemetry).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Enter services/DemoData/demo-data.json once all services serve, on the first start of the data folder
    /// (true for ./run.sh). Tests and benchmarks that want an empty system turn it off.
    /// </summary>
    public bool SeedDemoData { get; init; } = true;

    /// <summary>How soon a service that exited on its own after start-up is started again.</summary>
    public RestartPolicy Restarts { get; init; } = new();

    /// <summary>Where the run says what it starts, and what exited and was started again (the services log to their own files).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
