using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace CapacityHub.TestSupport;

/// <summary>
/// The call context an Api class sees when a unit test calls it directly, without a server: a method path,
/// no deadline, and the caller the identity interceptor would have set (none when null).
/// </summary>
public class FakeServerCallContext : ServerCallContext
{
    private readonly HttpContext http = new DefaultHttpContext();

    public FakeServerCallContext(string method, CallerIdentity? caller)
    {
        MethodCore = method;
        // grpc-dotnet handlers reach the HttpContext through UserState; give them one as a real server would.
        UserState["__HttpContext"] = http;
        if (caller is not null)
        {
            this.SetCaller(caller);
        }
    }

    protected override string MethodCore { get; }

    protected override string HostCore => "127.0.0.1";

    protected override string PeerCore => "ipv4:127.0.0.1:1";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => CancellationToken.None;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Unit tests do not propagate calls.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
