namespace CapacityHub.Interop.Tests.Infrastructure;

/// <summary>
/// One cleartext interop server and one set of generated Python stubs shared by every test
/// in the "interop" collection (xunit runs that collection's tests one after another).
/// </summary>
public sealed class InteropFixture : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "capacityhub-interop-" + Guid.NewGuid().ToString("N"));

    public InteropServerProcess Server { get; private set; } = null!;

    public string StubDirectory => Path.Combine(_workDirectory, "stubs");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workDirectory);
        // Stubs are generated from Debian's grpc-proto at test time, never checked in.
        var stubs = await Python.RunAsync("stubs.py", [StubDirectory], ClientTimeout);
        if (stubs.ExitCode != 0)
        {
            throw new InvalidOperationException($"Generating the Python stubs failed: {stubs}");
        }

        Server = await InteropServerProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Directory.Delete(_workDirectory, recursive: true);
    }

    /// <summary>Runs one case of a client script against the shared server.</summary>
    public Task<ProcessResult> RunCaseAsync(string script, string testCase, params string[] extra) =>
        Python.RunAsync(script, ["--port", Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--test_case", testCase, "--stubs", StubDirectory, .. extra], ClientTimeout);
}

[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<InteropFixture>
{
    public const string Name = "interop";
}
