using CapacityHub.Rpc;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.TestSupport;
using Microsoft.AspNetCore.Http;

namespace CapacityHub.Partners.Tests;

/// <summary>
/// The call context an Api class sees when a test calls it directly, with the caller the interceptor
/// would have set: an administrator unless a test names someone else.
/// </summary>
internal sealed class TestCallContext : ServerCallContext
{
    public TestCallContext(string method = "/test", CallerIdentity? caller = null)
    {
        Method = method;
        this.SetCaller(caller ?? TestCallers.Administrator);
    }

    public TestCallContext(CallerIdentity caller)
        : this("/test", caller)
    {
    }

    public override string Method { get; }

    public override string Peer => "ipv4:127.0.0.1:1";

    public override DateTime Deadline => DateTime.MaxValue;

    public override CancellationToken CancellationToken => CancellationToken.None;

    public override Metadata RequestHeaders { get; } = [];

    public override Metadata ResponseTrailers { get; } = [];

    public override HttpContext HttpContext { get; } = new DefaultHttpContext();

    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public override Task WriteResponseHeadersAsync(Metadata headers) => Task.CompletedTask;
}
