using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using CapacityHub.Rpc.Protocol;
using CapacityHub.Rpc.Telemetry;
using Google.Protobuf;

namespace CapacityHub.Rpc.Client.Calls;

/// <summary>
/// One call on an <see cref="RpcChannel"/>: sends the HTTP/2 request, reads response messages as they
/// arrive and settles the final status exactly once, from trailers, from a trailers-only response, from
/// an HTTP error, or locally (deadline, cancellation, disposal, protocol or size violations).
/// A locally settled failure resets the HTTP/2 stream so the server stops working on it.
/// </summary>
internal sealed partial class ClientCall<TRequest, TResponse> : ICallState
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    // Timers cannot wait longer than this; a deadline further away is still sent as grpc-timeout.
    private static readonly TimeSpan LongestLocalDeadline = TimeSpan.FromDays(40);

    private readonly RpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly DateTime? _deadline;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly Timer? _deadlineTimer;
    private readonly CancellationTokenRegistration _callerCancellation;
    private Task<bool> _started = Task.FromResult(false);
    private HttpResponseMessage? _response;
    private PipeReader? _responseBody;
    private string? _responseEncoding;
    private CancelReason _cancelReason;
    private RpcStatus _status;
    private Metadata _trailers = new();
    private readonly ClientCallTelemetry _telemetry;

    public ClientCall(RpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _deadline = NormalizeDeadline(options.Deadline);
        _telemetry = new ClientCallTelemetry(method, channel.Address);

        // Nobody may ever await the headers of a failed call; keep that from surfacing as unobserved.
        _responseHeaders.Task.ContinueWith(
            static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        if (_deadline is { } deadline)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                Cancel(CancelReason.DeadlinePassed);
            }
            else if (remaining < LongestLocalDeadline)
            {
                _deadlineTimer = new Timer(
                    static state => ((ClientCall<TRequest, TResponse>)state!).Cancel(CancelReason.DeadlinePassed),
                    this,
                    remaining,
                    Timeout.InfiniteTimeSpan);
            }
        }

        if (options.CancellationToken.CanBeCanceled)
        {
            _callerCancellation = options.CancellationToken.UnsafeRegister(
                static state => ((ClientCall<TRequest, TResponse>)state!).Cancel(CancelReason.Caller), this);
        }
    }

    private enum CancelReason
    {
        None,
        Caller,
        DeadlinePassed,
        Disposed,
        Failed,
    }

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;

    private bool IsFinished => _finished.Task.IsCompleted;

    private RpcChannelOptions ChannelOptions => _channel.Options;

    public RpcStatus GetStatus()
    {
        EnsureFinished();
        return _status;
    }

    public Metadata GetTrailers()
    {
        EnsureFinished();
        return _trailers;
    }

    public void Dispose()
    {
        // The body reader is left to the reading side (it may be mid-read on another thread);
        // disposing the response aborts such a read, which then ends the call as cancelled.
        Cancel(CancelReason.Disposed);
        _response?.Dispose();
    }

    /// <summary>Unary: one message out, one message back. Connection failures are retried per the channel's policy.</summary>
    public async Task<TResponse> UnaryAsync(TRequest request)
    {
        try
        {
            if (TrySerialize(request, out var frame))
            {
                _started = StartAsync(() => new SingleMessageContent(frame), retryable: true);
            }

            return await ReadSingleResponseAsync().ConfigureAwait(false);
        }
        finally
        {
            Dispose();
        }
    }

    public ServerStreamingCall<TResponse> StartServerStreaming(TRequest request)
    {
        if (TrySerialize(request, out var frame))
        {
            _started = StartAsync(() => new SingleMessageContent(frame), retryable: false);
        }

        return new ServerStreamingCall<TResponse>(new ResponseStreamReader<TResponse>(ReadNextAsync, ThrowIfFailed), this);
    }

    public ClientStreamingCall<TRequest, TResponse> StartClientStreaming()
    {
        var writer = StartStreamingRequest();
        return new ClientStreamingCall<TRequest, TResponse>(writer, ReadSingleResponseAsync(), this);
    }

    public DuplexStreamingCall<TRequest, TResponse> StartDuplexStreaming()
    {
        var writer = StartStreamingRequest();
        return new DuplexStreamingCall<TRequest, TResponse>(
            writer, new ResponseStreamReader<TResponse>(ReadNextAsync, ThrowIfFailed), this);
    }

    private static DateTime? NormalizeDeadline(DateTime? deadline) => deadline switch
    {
        null => null,
        { } value when value == DateTime.MaxValue => null,
        { Kind: DateTimeKind.Local } value => value.ToUniversalTime(),
        { } value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static string? FirstValue(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static Metadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                StatusTrailers.AddToMetadata(metadata, name, value);
            }
        }

        return metadata;
    }

    private ClientStreamWriter<TRequest> StartStreamingRequest()
    {
        var content = new StreamingRequestContent();
        _started = StartAsync(() => content, retryable: false);
        return new ClientStreamWriter<TRequest>(
            (message, cancellationToken) => WriteAsync(content, message, cancellationToken),
            () => CompleteRequestAsync(content));
    }

    /// <summary>Sends the request and takes in the response headers; true when response messages follow.</summary>
    private async Task<bool> StartAsync(Func<HttpContent> createContent, bool retryable)
    {
        try
        {
            if (IsFinished)
            {
                return false;
            }

            _telemetry.EnterSending();
            var headers = new Metadata();
            foreach (var entry in _options.Headers ?? [])
            {
                headers.Add(entry);
            }

            foreach (var interceptor in ChannelOptions.Interceptors)
            {
                await interceptor.InterceptAsync(new ClientCallInfo(_method, headers, _deadline), _cancellation.Token)
                    .ConfigureAwait(false);
            }

            var response = await SendAsync(headers, createContent, retryable).ConfigureAwait(false);
            return await AcceptResponseAsync(response).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(ex);
            return false;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Metadata headers, Func<HttpContent> createContent, bool retryable)
    {
        var policy = ChannelOptions.Retry;
        for (var attempt = 1; ; attempt++)
        {
            var pool = await _channel.NextConnectionPoolAsync(_cancellation.Token).ConfigureAwait(false);
            var request = CallRequestFactory.Create(_channel.BaseAddress, _method, headers, _deadline, ChannelOptions, createContent());
            try
            {
                return await pool.SendAsync(request, _cancellation.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (retryable && attempt < policy.MaxAttempts
                && StatusMapping.NeverReachedServer(ex) && !_cancellation.IsCancellationRequested)
            {
                request.Dispose();
                var backoff = policy.BackoffAfter(attempt, Random.Shared.NextDouble());
                if (_deadline is { } deadline && DateTime.UtcNow + backoff >= deadline)
                {
                    // Waiting would outlast the deadline; report why the last attempt failed instead.
                    throw;
                }

                await Task.Delay(backoff, _cancellation.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> AcceptResponseAsync(HttpResponseMessage response)
    {
        _response = response;
        var headers = response.Headers;
        if (headers.Contains(GrpcHeaders.Status))
        {
            // Trailers-only: the status came in the one and only HEADERS frame.
            _responseHeaders.TrySetResult(new Metadata());
            Finish(StatusTrailers.FromHeaders(name => FirstValue(headers, name)), ToMetadata(headers));
            return false;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            Finish(
                new RpcStatus(
                    StatusMapping.FromHttpStatus(response.StatusCode),
                    $"Bad gRPC response: HTTP status {(int)response.StatusCode} ({response.ReasonPhrase}) without a grpc-status."),
                new Metadata());
            return false;
        }

        var contentType = FirstValue(response.Content.Headers, "Content-Type");
        if (!GrpcHeaders.IsGrpcContentType(contentType))
        {
            Finish(
                new RpcStatus(StatusCode.Unknown, $"Bad gRPC response: content-type '{contentType}' is not application/grpc."),
                new Metadata());
            return false;
        }

        _responseEncoding = FirstValue(headers, GrpcHeaders.Encoding);
        _responseHeaders.TrySetResult(ToMetadata(headers));
        var body = await response.Content.ReadAsStreamAsync(_cancellation.Token).ConfigureAwait(false);
        _responseBody = PipeReader.Create(body);
        return true;
    }

    /// <summary>The next response message, or null once the call has finished (check the status then).</summary>
    private async Task<TResponse?> ReadNextAsync(CancellationToken cancellationToken)
    {
        // Registered before waiting for the response headers too: a duplex server may send none until it hears from us.
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((ClientCall<TRequest, TResponse>)state!).Cancel(CancelReason.Caller), this)
            : default;
        if (!await _started.ConfigureAwait(false) || IsFinished)
        {
            return null;
        }

        try
        {
            var message = await MessageFraming.ReadMessageAsync(
                _responseBody!, _method.ResponseParser, _responseEncoding, ChannelOptions.MaxReceiveMessageSize, _cancellation.Token)
                .ConfigureAwait(false);
            if (message is null)
            {
                var trailers = _response!.TrailingHeaders;
                Finish(StatusTrailers.FromHeaders(name => FirstValue(trailers, name)), ToMetadata(trailers));
                await _responseBody!.CompleteAsync().ConfigureAwait(false);
            }

            return message;
        }
        catch (Exception ex)
        {
            Fail(ex);
            await _responseBody!.CompleteAsync(ex).ConfigureAwait(false);
            return null;
        }
    }

    private async Task<TResponse> ReadSingleResponseAsync()
    {
        var message = await ReadNextAsync(CancellationToken.None).ConfigureAwait(false);
        if (message is not null && await ReadNextAsync(CancellationToken.None).ConfigureAwait(false) is not null)
        {
            Finish(
                new RpcStatus(StatusCode.Internal, "The server sent more than one response message for a call that expects one."),
                new Metadata());
        }

        ThrowIfFailed();
        if (message is null)
        {
            ReplaceOkStatus(new RpcStatus(StatusCode.Internal, "The server ended the call without sending a response message."));
            ThrowIfFailed();
        }

        return message!;
    }

    private bool TrySerialize(TRequest message, out ReadOnlyMemory<byte> frame)
    {
        try
        {
            frame = Serialize(message);
            return true;
        }
        catch (RpcException ex)
        {
            Finish(ex.Status, new Metadata());
            frame = default;
            return false;
        }
    }

    private ReadOnlyMemory<byte> Serialize(TRequest message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        if (ChannelOptions.MaxSendMessageSize is { } max && size > max)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {max}).");
        }

        var buffer = new ArrayBufferWriter<byte>(size + MessageFraming.HeaderSize);
        MessageFraming.WriteMessage(buffer, message, compress: ChannelOptions.RequestCompression == GrpcHeaders.Gzip);
        return buffer.WrittenMemory;
    }

    private void Cancel(CancelReason reason)
    {
        lock (_gate)
        {
            if (_cancelReason != CancelReason.None || IsFinished)
            {
                return;
            }

            _cancelReason = reason;
        }

        Finish(CancellationStatus(), new Metadata());
    }

    private RpcStatus CancellationStatus() => _cancelReason switch
    {
        CancelReason.DeadlinePassed => new RpcStatus(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
        CancelReason.Disposed => new RpcStatus(StatusCode.Cancelled, "Call disposed by the client."),
        _ => new RpcStatus(StatusCode.Cancelled, "Call cancelled by the client."),
    };

    private void Fail(Exception exception)
    {
        var status = _cancelReason is CancelReason.Caller or CancelReason.DeadlinePassed or CancelReason.Disposed
            ? CancellationStatus()
            : StatusMapping.FromException(exception);
        Finish(status, exception is RpcException rpc ? rpc.Trailers : new Metadata());
    }

    /// <summary>Settles the status once; later outcomes are ignored. A failure resets the HTTP/2 stream.</summary>
    private void Finish(RpcStatus status, Metadata trailers)
    {
        lock (_gate)
        {
            if (IsFinished)
            {
                return;
            }

            _status = status;
            _trailers = trailers;
            if (status.StatusCode != StatusCode.Ok && _cancelReason == CancelReason.None)
            {
                _cancelReason = CancelReason.Failed;
            }

            _finished.TrySetResult();
        }

        _deadlineTimer?.Dispose();
        _callerCancellation.Dispose();
        _telemetry.Finished(status.StatusCode, status.Detail);
        if (status.StatusCode == StatusCode.Ok)
        {
            _responseHeaders.TrySetResult(new Metadata());
            return;
        }

        _responseHeaders.TrySetException(new RpcException(status, trailers));
        try
        {
            _cancellation.Cancel();
        }
        catch (AggregateException)
        {
            // A failing cancellation callback inside HttpClient must not hide the call's own status.
        }
    }

    private void ReplaceOkStatus(RpcStatus status)
    {
        lock (_gate)
        {
            if (_status.StatusCode == StatusCode.Ok)
            {
                _status = status;
            }
        }
    }

    private void EnsureFinished()
    {
        if (!IsFinished)
        {
            throw new InvalidOperationException("The call has not finished yet, so it has no status or trailers.");
        }
    }

    private void ThrowIfFailed()
    {
        EnsureFinished();
        if (_status.StatusCode != StatusCode.Ok)
        {
            throw new RpcException(_status, _trailers);
        }
    }
}
