namespace CapacityHub.Rpc;

/// <summary>Per-call settings a client passes: headers, deadline (UTC), cancellation.</summary>
public readonly record struct CallOptions(
    Metadata? Headers = null,
    DateTime? Deadline = null,
    CancellationToken CancellationToken = default)
{
    public CallOptions WithTimeout(TimeSpan timeout) => this with { Deadline = DateTime.UtcNow + timeout };

    public CallOptions WithDeadline(DateTime deadline) => this with { Deadline = deadline.ToUniversalTime() };

    public CallOptions WithHeaders(Metadata headers) => this with { Headers = headers };

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) =>
        this with { CancellationToken = cancellationToken };
}
