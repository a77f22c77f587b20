namespace CapacityHub.Rpc.Client.Calls;

/// <summary>Writing the request stream of client-streaming and duplex calls.</summary>
internal sealed partial class ClientCall<TRequest, TResponse>
{
    private bool _writing;
    private bool _requestCompleted;

    internal async Task WriteAsync(StreamingRequestContent content, TRequest message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_requestCompleted)
            {
                throw new InvalidOperationException("The request stream is already complete; no more messages can be written.");
            }

            if (_writing)
            {
                throw new InvalidOperationException("A write is still in progress; await it before writing the next message.");
            }

            _writing = true;
        }

        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((ClientCall<TRequest, TResponse>)state!).Cancel(CancelReason.Caller), this)
            : default;
        try
        {
            ThrowIfFinishedForWriting();
            var frame = Serialize(message);
            await Task.WhenAny(content.RequestStream, _finished.Task).ConfigureAwait(false);
            ThrowIfFinishedForWriting();
            var stream = await content.RequestStream.ConfigureAwait(false);
            await stream.WriteAsync(frame, _cancellation.Token).ConfigureAwait(false);
            await stream.FlushAsync(_cancellation.Token).ConfigureAwait(false);
        }
        catch (RpcException ex) when (!IsFinished)
        {
            // Too large to send: the call cannot go on without the message.
            Finish(ex.Status, new Metadata());
            throw;
        }
        catch (Exception ex) when (ex is not RpcException and not InvalidOperationException)
        {
            ThrowIfFinishedForWriting();
            throw new RpcException(StatusMapping.FromException(ex));
        }
        finally
        {
            lock (_gate)
            {
                _writing = false;
            }
        }
    }

    internal Task CompleteRequestAsync(StreamingRequestContent content)
    {
        lock (_gate)
        {
            if (_writing)
            {
                throw new InvalidOperationException("A write is still in progress; await it before completing the request stream.");
            }

            _requestCompleted = true;
        }

        content.Complete();
        return Task.CompletedTask;
    }

    private void ThrowIfFinishedForWriting()
    {
        if (!IsFinished)
        {
            return;
        }

        if (_status.StatusCode == StatusCode.Ok)
        {
            throw new InvalidOperationException("The call has already finished; the server takes no more messages.");
        }

        throw new RpcException(_status, _trailers);
    }
}
