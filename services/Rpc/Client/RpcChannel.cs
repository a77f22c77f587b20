using CapacityHub.Rpc.Client.Calls;
using CapacityHub.Rpc.Client.Transport;

namespace CapacityHub.Rpc;

/// <summary>
/// A client connection to one gRPC server address over HTTP/2: cleartext with prior knowledge for
/// http://, TLS with ALPN for https://. Thread-safe; create one per target and share it.
/// </summary>
public sealed class RpcChannel : CallInvoker, IDisposable
{
    private readonly ConnectionPools _pools;
    private readonly AddressPool? _addresses;
    private int _disposed;

    private RpcChannel(Uri address, RpcChannelOptions options)
    {
        Address = address;
        Options = options;
        BaseAddress = new Uri(address.GetLeftPart(UriPartial.Authority) + "/");
        if (options.HttpHandler is { } handler)
        {
            _pools = new ConnectionPools(() => handler, 1, disposeHandlers: false);
            return;
        }

        if (options.SpreadAcrossAddresses)
        {
            _addresses = new AddressPool(
                address.DnsSafeHost,
                address.Port,
                options.ResolveAddresses,
                options.AddressRefreshInterval,
                addressCount => _pools?.EnsureAtLeast(addressCount));
        }

        _pools = new ConnectionPools(() => HandlerFactory.Create(options, _addresses), options.Connections, disposeHandlers: true);
    }

    /// <summary>The address the channel was created for.</summary>
    public Uri Address { get; }

    /// <summary>How many HTTP/2 connection pools calls are currently spread over.</summary>
    public int ConnectionPoolCount => _pools.Count;

    internal RpcChannelOptions Options { get; }

    internal Uri BaseAddress { get; }

    public static RpcChannel ForAddress(string address, RpcChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{address}' is not an absolute address such as http://host:5001.", nameof(address));
        }

        return ForAddress(uri, options);
    }

    public static RpcChannel ForAddress(Uri address, RpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                $"'{address}' must be an absolute http:// (cleartext HTTP/2) or https:// (TLS) address.", nameof(address));
        }

        options ??= new RpcChannelOptions();
        options.Validate();
        return new RpcChannel(address, options);
    }

    public override Task<TResponse> UnaryAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new ClientCall<TRequest, TResponse>(this, method, options).UnaryAsync(request);
    }

    public override ServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new ClientCall<TRequest, TResponse>(this, method, options).StartServerStreaming(request);
    }

    public override ClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new ClientCall<TRequest, TResponse>(this, method, options).StartClientStreaming();
    }

    public override DuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new ClientCall<TRequest, TResponse>(this, method, options).StartDuplexStreaming();
    }

    /// <summary>Closes every connection; calls still running fail.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _pools.Dispose();
        }
    }

    /// <summary>The pool for the next call, with the host's addresses resolved first when spreading across them.</summary>
    internal async ValueTask<HttpMessageInvoker> NextConnectionPoolAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (_addresses is not null)
        {
            try
            {
                await _addresses.GetAddressesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Connecting resolves again and reports the failure as UNAVAILABLE, retried where safe.
            }
        }

        return _pools.Next();
    }
}
