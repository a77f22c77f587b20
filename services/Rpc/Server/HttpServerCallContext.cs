using System.Globalization;
using System.Net.Sockets;
using CapacityHub.Rpc.Protocol;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CapacityHub.Rpc.Server;

/// <summary>
/// One call on Kestrel: owns the deadline and cancellation, writes headers, messages and the status,
/// and makes sure those happen in protocol order even when the deadline fires mid-call.
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext, IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource? _deadlineSource;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationToken _requestAborted;
    private readonly CancellationTokenRegistration _deadlineRegistration;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object?>? _items;
    private bool _headersPrepared;
    private bool _headersSent;
    private bool _messageWritten;
    private bool _completed;
    private Task? _deadlineTask;

    private HttpServerCallContext(HttpContext http, string method, RpcServerOptions options, TimeSpan? timeout, string? requestEncoding)
    {
        HttpContext = http;
        Method = method;
        Options = options;
        RequestEncoding = requestEncoding;
        CallerAcceptsGzip = AcceptsGzip(http);
        CompressByDefault = options.ResponseCompression == GrpcHeaders.Gzip || requestEncoding == GrpcHeaders.Gzip;
        if (timeout is { } value)
        {
            Deadline = DateTime.UtcNow + value;
            _deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            _cancellationToken = _deadlineSource.Token;
            _requestAborted = http.RequestAborted;
            _deadlineRegistration = _cancellationToken.UnsafeRegister(static state => ((HttpServerCallContext)state!).OnCancelled(), this);
            _deadlineSource.CancelAfter(Clamp(value));
        }
        else
        {
            Deadline = DateTime.MaxValue;
            _cancellationToken = http.RequestAborted;
        }
    }

    public override string Method { get; }

    public override string Peer => FormatPeer(HttpContext);

    public override DateTime Deadline { get; }

    public override CancellationToken CancellationToken => _cancellationToken;

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders(HttpContext.Request.Headers);

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override HttpContext HttpContext { get; }

    public override IDictionary<object, object?> Items => _items ??= [];

    public RpcServerOptions Options { get; }

    public string? RequestEncoding { get; }

    public bool CallerAcceptsGzip { get; }

    public bool CompressByDefault { get; }

    public override bool? CompressResponses { get; set; }

    /// <summary>Whether grpc-encoding: gzip was (or will be) sent; only then may frames be compressed.</summary>
    private bool _gzipHeader;

    private bool CompressNext => _gzipHeader && (CompressResponses ?? CompressByDefault);

    public bool DeadlineExpired => Deadline != DateTime.MaxValue && DateTime.UtcNow >= Deadline && !HttpContext.RequestAborted.IsCancellationRequested;

    /// <summary>
    /// Validates the protocol headers of a request already routed to a method. Returns null and writes
    /// the error response when the request cannot be served.
    /// </summary>
    public static HttpServerCallContext? TryCreate(HttpContext http, string method, RpcServerOptions options)
    {
        if (!RequestValidation.CheckTransport(http))
        {
            return null;
        }

        var headers = http.Request.Headers;
        TimeSpan? timeout = null;
        var timeoutText = headers[GrpcHeaders.Timeout];
        if (!StringValues.IsNullOrEmpty(timeoutText))
        {
            if (!GrpcTimeout.TryParse(timeoutText.ToString(), out var parsed))
            {
                TrailersOnly.Write(http, new RpcStatus(StatusCode.Internal, $"Malformed grpc-timeout header '{timeoutText}'."));
                return null;
            }

            timeout = parsed;
        }

        string? encoding = null;
        var encodingText = headers[GrpcHeaders.Encoding];
        if (!StringValues.IsNullOrEmpty(encodingText))
        {
            encoding = encodingText.ToString();
            if (encoding is not (GrpcHeaders.Identity or GrpcHeaders.Gzip))
            {
                http.Response.Headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;
                TrailersOnly.Write(http, new RpcStatus(
                    StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding '{encoding}'; supported: {GrpcHeaders.SupportedEncodings}."));
                return null;
            }
        }

        return new HttpServerCallContext(http, method, options, timeout, encoding);
    }

    public override async Task WriteResponseHeadersAsync(Metadata headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            ThrowIfCompleted();
            if (_headersSent || _messageWritten)
            {
                throw new InvalidOperationException("Response headers have already been sent.");
            }

            PrepareHeaders();
            foreach (var (key, value) in StatusTrailers.ToHeaders(headers))
            {
                HttpContext.Response.Headers.Append(key, value);
            }

            _headersSent = true;
            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Writes one response message; flushes unless it is the single response of a unary call.</summary>
    public async ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfCompleted();
            PrepareHeaders();
            MessageFraming.WriteMessage(HttpContext.Response.BodyWriter, message, CompressNext, Options.CompressionLevel);
            _messageWritten = true;
            if (flush)
            {
                await HttpContext.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Ends the call with a status: in trailers, or as a trailers-only response when nothing was sent yet.</summary>
    public async Task CompleteAsync(RpcStatus status)
    {
        await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (HttpContext.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            if (status.StatusCode != StatusCode.Ok && !_headersSent && !_messageWritten)
            {
                TrailersOnly.Write(HttpContext, status, _responseTrailers);
                return;
            }

            PrepareHeaders();
            var response = HttpContext.Response;
            foreach (var (key, value) in StatusTrailers.ToHeaders(status))
            {
                response.AppendTrailer(key, value);
            }

            if (_responseTrailers is not null)
            {
                foreach (var (key, value) in StatusTrailers.ToHeaders(_responseTrailers))
                {
                    response.AppendTrailer(key, value);
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Ends the call's deadline before the request ends. The deadline timer may fire at any moment, also
    /// after the handler returned: disposing the registration waits for a callback already running and
    /// stops any later one, so no deadline response is written once Kestrel has recycled the HttpContext.
    /// A deadline response being written is awaited, so the request does not end under it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _deadlineRegistration.Dispose();
        if (_deadlineTask is { } deadline)
        {
            await deadline.ConfigureAwait(false);
        }

        _deadlineSource?.Dispose();
    }

    private void OnCancelled()
    {
        // The token captured at the start: reading HttpContext.RequestAborted here could race with its disposal.
        if (!_requestAborted.IsCancellationRequested)
        {
            _deadlineTask = Task.Run(CompleteOnDeadlineAsync);
        }
    }

    private async Task CompleteOnDeadlineAsync()
    {
        await CompleteAsync(new RpcStatus(StatusCode.DeadlineExceeded, "Deadline exceeded.")).ConfigureAwait(false);

        // Send the status now rather than when the handler finally notices the cancellation.
        await HttpContext.Response.CompleteAsync().ConfigureAwait(false);
    }

    private void PrepareHeaders()
    {
        if (_headersPrepared)
        {
            return;
        }

        _headersPrepared = true;
        var response = HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcHeaders.ContentType;
        if (CallerAcceptsGzip && (CompressResponses ?? CompressByDefault))
        {
            _gzipHeader = true;
            response.Headers[GrpcHeaders.Encoding] = GrpcHeaders.Gzip;
        }

        response.Headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw DeadlineExpired
                ? new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded.")
                : new InvalidOperationException("The call has already completed.");
        }
    }

    private static bool AcceptsGzip(HttpContext http)
    {
        foreach (var value in http.Request.Headers[GrpcHeaders.AcceptEncoding])
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                if (part.Trim() == GrpcHeaders.Gzip)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (GrpcHeaders.IsReserved(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is not null)
                {
                    StatusTrailers.AddToMetadata(metadata, name, value);
                }
            }
        }

        return metadata;
    }

    private static string FormatPeer(HttpContext http)
    {
        var connection = http.Connection;
        var address = connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        var port = connection.RemotePort.ToString(CultureInfo.InvariantCulture);
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"ipv6:[{address}]:{port}"
            : $"ipv4:{address}:{port}";
    }

    private static TimeSpan Clamp(TimeSpan timeout)
    {
        var max = TimeSpan.FromMilliseconds(int.MaxValue - 1);
        return timeout > max ? max : timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout;
    }
}
