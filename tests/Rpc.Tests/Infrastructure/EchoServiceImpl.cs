using System.Text;
using CapacityHub.Rpc.Tests.Generated;
using Google.Protobuf;

namespace CapacityHub.Rpc.Tests.Infrastructure;

/// <summary>
/// The echo service the server tests call. Special texts trigger behaviours:
/// "invalid" → INVALID_ARGUMENT with field violations, "crash" → an unhandled exception,
/// "not-found" → NOT_FOUND with a non-ASCII message; delay_ms waits honouring cancellation.
/// </summary>
public sealed class EchoServiceImpl(CallObserver observer) : EchoService.EchoServiceBase
{
    public const string SecretInExceptions = "connection string: Password=hunter2";

    public override async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        observer.Record(context);
        await DelayAsync(request, context);
        switch (request.Text)
        {
            case "invalid":
                throw RpcException.InvalidArgument(
                    "The request is not valid.",
                    new FieldViolation("text", "must not be 'invalid'"),
                    new FieldViolation("repeat", "must be positive"));
            case "crash":
                throw new InvalidOperationException(SecretInExceptions);
            case "not-found":
                throw new RpcException(StatusCode.NotFound, "Formation « Cyber 101 » introuvable: 100% sûr\nligne 2");
        }

        var echoed = context.RequestHeaders.GetValue("x-echo");
        if (echoed is not null)
        {
            await context.WriteResponseHeadersAsync(new Metadata().Add("x-echo", echoed));
        }

        var echoedBytes = context.RequestHeaders.GetBytes("x-echo-bin");
        if (echoedBytes is not null)
        {
            context.ResponseTrailers.Add("x-echo-bin", echoedBytes);
        }

        return new EchoReply { Text = request.Text, Payload = request.Payload };
    }

    public override async Task Expand(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        observer.Record(context);
        for (var i = 0; i < request.Repeat; i++)
        {
            await DelayAsync(request, context);
            if (request.Text == "compress-first")
            {
                context.CompressResponses = i == 0;
            }

            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Index = i }, context.CancellationToken);
        }
    }

    public override async Task<EchoReply> Collect(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        observer.Record(context);
        var text = new StringBuilder();
        var count = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            text.Append(request.Text);
            count++;
        }

        return new EchoReply { Text = text.ToString(), Index = count };
    }

    public override async Task Chat(
        IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        observer.Record(context);
        var index = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            await DelayAsync(request, context);
            await responseStream.WriteAsync(
                new EchoReply { Text = request.Text.ToUpperInvariant(), Index = index++, Payload = request.Payload },
                context.CancellationToken);
        }
    }

    private async Task DelayAsync(EchoRequest request, ServerCallContext context)
    {
        if (request.DelayMs <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            observer.Cancelled(context);
            throw;
        }
    }
}

/// <summary>What the handlers saw, so tests can check deadlines, peers and cancellation from the server side.</summary>
public sealed class CallObserver
{
    private readonly Lock _lock = new();
    private readonly List<TaskCompletionSource<ServerCallContext>> _cancelWaiters = [];
    private readonly List<TaskCompletionSource<ServerCallContext>> _callWaiters = [];

    public ServerCallContext? LastCall { get; private set; }

    public DateTime LastDeadline { get; private set; }

    public string? LastPeer { get; private set; }

    public void Record(ServerCallContext context)
    {
        lock (_lock)
        {
            LastCall = context;
            LastDeadline = context.Deadline;
            LastPeer = context.Peer;
            foreach (var waiter in _callWaiters)
            {
                waiter.TrySetResult(context);
            }

            _callWaiters.Clear();
        }
    }

    public void Cancelled(ServerCallContext context)
    {
        lock (_lock)
        {
            foreach (var waiter in _cancelWaiters)
            {
                waiter.TrySetResult(context);
            }

            _cancelWaiters.Clear();
        }
    }

    public Task<ServerCallContext> NextCancellation()
    {
        var waiter = new TaskCompletionSource<ServerCallContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _cancelWaiters.Add(waiter);
        }

        return waiter.Task;
    }

    /// <summary>Completes when the next handler starts, so tests act on a call the server really has.</summary>
    public Task<ServerCallContext> NextCall()
    {
        var waiter = new TaskCompletionSource<ServerCallContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _callWaiters.Add(waiter);
        }

        return waiter.Task;
    }

    public static ByteString Bytes(int size) => ByteString.CopyFrom(Enumerable.Range(0, size).Select(i => (byte)i).ToArray());
}
