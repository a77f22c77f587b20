using System.Net;
using System.Net.Security;

namespace CapacityHub.Rpc;

/// <summary>How an <see cref="RpcChannel"/> connects and what it allows; the defaults suit in-cluster calls.</summary>
public sealed class RpcChannelOptions
{
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>Largest response message accepted (after decompression); larger ones fail with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent, or null for no limit; larger ones fail locally with RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>"gzip" to compress every request message; null sends them uncompressed. gzip responses are always accepted.</summary>
    public string? RequestCompression { get; set; }

    /// <summary>Run before every call, in order, to add headers such as caller identity or traceparent.</summary>
    public IList<IClientInterceptor> Interceptors { get; } = [];

    /// <summary>
    /// How many independent HTTP/2 connection pools calls are spread over (round-robin per call).
    /// One connection multiplexes many calls; more help when one TCP stream or one server pod is the bottleneck.
    /// </summary>
    public int Connections { get; set; } = 1;

    /// <summary>
    /// Resolve the host name to all its addresses (e.g. a Kubernetes headless service) and open each new
    /// connection to the address with the fewest open connections, so calls spread across every pod.
    /// The channel then keeps at least one connection pool per address.
    /// </summary>
    public bool SpreadAcrossAddresses { get; set; }

    /// <summary>How often the host name is resolved again, and how long a connection lives before it is replaced.</summary>
    public TimeSpan AddressRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Resolves a host name; defaults to DNS. Replace it to resolve names from elsewhere.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> ResolveAddresses { get; set; } =
        (host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);

    /// <summary>Custom validation of the server certificate for https:// addresses (e.g. a private CA); null uses the system trust store.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// HTTP/2 PING interval while calls are active, so dead peers are noticed; off by default because
    /// grpc-core and grpc-go servers answer pings more often than every 5 minutes on quiet streams with
    /// GOAWAY (too_many_pings). Set it when the server permits (e.g. our own Kestrel servers).
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = Timeout.InfiniteTimeSpan;

    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of unary calls that never reached a server; <see cref="RetryPolicy.None"/> turns them off.</summary>
    public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

    public string UserAgent { get; set; } = "capacityhub-rpc-dotnet/1.0";

    /// <summary>Use this handler instead of the channel's own SocketsHttpHandler (connection options above are then ignored).</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    internal void Validate()
    {
        if (MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReceiveMessageSize), MaxReceiveMessageSize, "Must be positive.");
        }

        if (MaxSendMessageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSendMessageSize), MaxSendMessageSize, "Must be positive or null.");
        }

        if (Connections < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Connections), Connections, "Must be at least 1.");
        }

        if (RequestCompression is not null && RequestCompression != Protocol.GrpcHeaders.Gzip
            && RequestCompression != Protocol.GrpcHeaders.Identity)
        {
            throw new ArgumentException(
                $"Request compression '{RequestCompression}' is not supported; use \"gzip\" or null.", nameof(RequestCompression));
        }

        if (AddressRefreshInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AddressRefreshInterval), AddressRefreshInterval, "Must be positive.");
        }

        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        Retry.Validate();
    }
}
