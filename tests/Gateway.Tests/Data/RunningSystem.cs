using CapacityHub.ServiceDefaults.Clients;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Rest;
using CapacityHub.LocalRun;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using Google.Protobuf;
using Microsoft.IdentityModel.Tokens;

namespace CapacityHub.Gateway.Tests.Data;

/// <summary>
/// The whole system as ./run.sh starts it (Release binaries of the three services and the gateway, each
/// its own process with its own SQLite file in a temp folder), once for every test of the collection.
/// Tokens for any identity are signed with the local demo key, exactly as the demo sign-in signs them.
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "capacityhub-gateway-data-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalSystem? system;
    private DemoTokenIssuer? issuer;

    public HttpClient Web { get; } = new();

    public Scenario Scenario { get; private set; } = null!;

    public LocalSystem System => system!;

    public async Task InitializeAsync()
    {
        var basePort = LocalPorts.FreeBasePort();
        system = await LocalSystem.StartAsync(new LocalRunOptions { RepositoryRoot = Repository.FindRoot(), DataFolder = folder, BasePort = basePort, SeedDemoData = false });
        Web.BaseAddress = new Uri(system["gateway"].WebAddress!);
        issuer = new DemoTokenIssuer(new CallerClaims(new GatewayAuthenticationOptions()),
            new SymmetricSecurityKey(Convert.FromBase64String(system.Secrets.DemoSigningKey)), TimeProvider.System);
        Scenario = await Scenario.CreateAsync(this);
    }

    public async Task DisposeAsync()
    {
        Web.Dispose();
        if (system is not null)
        {
            await system.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Logs may still be held open for a moment; the temp folder is cleaned by the OS.
        }
    }

    public string TokenFor(CallerIdentity caller) => issuer!.Issue(new DemoAccount(caller.Subject, caller.DisplayName, caller), "capacityhub");

    public HttpRequestMessage Request(HttpMethod method, string path, CallerIdentity? caller, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(caller));
        }

        return request;
    }

    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, CallerIdentity? caller, HttpContent? content = null)
    {
        using var response = await Web.SendAsync(Request(method, path, caller, content));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A REST call that must succeed, its JSON answer parsed as <typeparamref name="T"/>.</summary>
    /// <summary>A download: status, content type and the body's bytes.</summary>
    public async Task<(int Status, string? ContentType, byte[] Body)> DownloadAsync(string path, CallerIdentity caller)
    {
        using var response = await Web.SendAsync(Request(HttpMethod.Get, path, caller, null));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    public async Task<T> CallAsync<T>(HttpMethod method, string path, CallerIdentity caller, IMessage? body = null)
        where T : IMessage<T>, new()
    {
        var content = body is null ? null : new StringContent(ProtoJson.Formatter.Format(body), Encoding.UTF8, "application/json");
        var (status, text) = await SendAsync(method, path, caller, content);
        Assert.True(status == 200, $"{method} {path} answered {status}: {text}");
        return (T)ProtoJson.Parser.Parse(text, new T().Descriptor);
    }

    /// <summary>The gateway's gRPC port with a user's bearer token.</summary>
    public ServiceChannel GatewayChannel() => ServiceChannels.Open(System["gateway"].GrpcAddress);

    public static CallOptions Bearer(string token) => new(new Metadata { { "authorization", "Bearer " + token } }, DateTime.UtcNow.AddSeconds(30));

    /// <summary>A channel straight to a service, with a caller token as the gateway would send.</summary>
    public (ServiceChannel Channel, CallOptions Options) Service(string name, CallerIdentity caller)
    {
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = System.Secrets.CallerTokenKey }, TimeProvider.System);
        var headers = new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(caller) } };
        return (ServiceChannels.Open(System[name].GrpcAddress), new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)));
    }
}

[CollectionDefinition(Name)]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "running system with the data scenario";
}
