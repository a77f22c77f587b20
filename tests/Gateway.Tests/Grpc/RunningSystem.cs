using CapacityHub.ServiceDefaults.Clients;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CapacityHub.Gateway.Authentication;
using CapacityHub.LocalRun;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.IdentityModel.Tokens;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>
/// The whole system as ./run.sh starts it (four processes, SQLite in a temp folder, the built binaries of
/// this configuration), shared by the tests that call through the gateway's public gRPC port.
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "capacityhub-gateway-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> tokens = new(StringComparer.Ordinal);
    private LocalSystem? system;

    public LocalSystem System => system ?? throw new InvalidOperationException("The system is not running.");

    public Uri GatewayGrpc => new(System["gateway"].GrpcAddress);

    public Uri GatewayWeb => new(System["gateway"].WebAddress!);

    public ServiceChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        system = await LocalSystem.StartAsync(new LocalRunOptions
        {
            // These tests create their own organisations and programme.
            SeedDemoData = false,
            RepositoryRoot = Repository.FindRoot(),
            DataFolder = dataFolder,
            BasePort = LocalPorts.FreeBasePort(),
            Configuration = Configuration,
        });
        Channel = ServiceChannels.Open(GatewayGrpc.ToString());
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (system is not null)
        {
            await system.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held by a process that is going away; the temp folder is cleaned eventually.
        }
    }

    /// <summary>A demo account's bearer token, from the gateway's own demo sign-in (POST /demo/token).</summary>
    public async Task<string> TokenAsync(string account)
    {
        if (tokens.TryGetValue(account, out var cached))
        {
            return cached;
        }

        using var http = new HttpClient { BaseAddress = GatewayWeb };
        using var response = await http.PostAsJsonAsync("/demo/token", new { account });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<DemoSignInEndpoints.TokenResponse>();
        return tokens[account] = body!.AccessToken;
    }

    /// <summary>
    /// A bearer token for any user, signed with the local demo key exactly as the demo sign-in signs its
    /// accounts: for users of organisations and programmes the tests create.
    /// </summary>
    public string TokenFor(CallerIdentity identity)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(System.Secrets.DemoSigningKey));
        var options = new GatewayAuthenticationOptions();
        var issuer = new DemoTokenIssuer(new CallerClaims(options), key, TimeProvider.System);
        return issuer.Issue(new DemoAccount(identity.Subject, identity.DisplayName, identity), options.Audience);
    }

    public static CallOptions As(string token, TimeSpan? timeout = null) =>
        new(new Metadata { { "authorization", "Bearer " + token } }, DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20)));
}

[CollectionDefinition(Name)]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "running system";
}
