using CapacityHub.Rpc;
using Microsoft.AspNetCore.Http;

namespace CapacityHub.Trainings.Tests;

/// <summary>The call context an Api class sees when a test calls it directly.</summary>
internal sealed class TestCallContext(string method = "/test") : ServerCallContext
{
    public override string Method { get; } = method;

    public override string Peer => "ipv4:127.0.0.1:1";

    public override DateTime Deadline => DateTime.MaxValue;

    public override CancellationToken CancellationToken => CancellationToken.None;

    public override Metadata RequestHeaders { get; } = [];

    public override Metadata ResponseTrailers { get; } = [];

    public override HttpContext HttpContext { get; } = new DefaultHttpContext();

    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public override Task WriteResponseHeadersAsync(Metadata headers) => Task.CompletedTask;
}
