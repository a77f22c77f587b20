using Google.Protobuf;

namespace CapacityHub.Rpc.Client.Calls;

/// <summary>The request stream of a client-streaming or duplex call; each write is flushed to the server.</summary>
internal sealed class ClientStreamWriter<TRequest>(Func<TRequest, CancellationToken, Task> write, Func<Task> complete)
    : IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
{
    public Task WriteAsync(TRequest message, CancellationToken cancellationToken = default) => write(message, cancellationToken);

    public Task CompleteAsync() => complete();
}
