using Microsoft.AspNetCore.Http;

namespace CapacityHub.Rpc;

/// <summary>What a server handler knows about the call in progress.</summary>
public abstract class ServerCallContext
{
    /// <summary>Full method path, e.g. "/capacityhub.trainings.v1.TrainingService/GetTraining".</summary>
    public abstract string Method { get; }

    /// <summary>The caller's address, "ipv4:1.2.3.4:5678" / "ipv6:[::1]:5678" style.</summary>
    public abstract string Peer { get; }

    /// <summary>UTC deadline from grpc-timeout; DateTime.MaxValue when the caller set none.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>Cancelled when the deadline passes or the caller goes away (RST_STREAM, disconnect).</summary>
    public abstract CancellationToken CancellationToken { get; }

    public abstract Metadata RequestHeaders { get; }

    public abstract Metadata ResponseTrailers { get; }

    public abstract HttpContext HttpContext { get; }

    public abstract IDictionary<object, object?> Items { get; }

    /// <summary>
    /// Per-call response compression: null follows the server's setting, true gzips the following messages
    /// (when the caller accepts gzip and headers are not yet sent without it), false sends them uncompressed.
    /// </summary>
    public virtual bool? CompressResponses { get; set; }

    /// <summary>Sends response headers now (at most once, before the first message).</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata headers);
}
