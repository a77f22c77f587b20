using Google.Protobuf;

namespace CapacityHub.Rpc.Server;

/// <summary>Writes (and flushes) each response message of a server-streaming or duplex call.</summary>
internal sealed class ResponseStreamWriter<T>(HttpServerCallContext call) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteMessageAsync(message, flush: true, cancellationToken).AsTask();
    }
}
