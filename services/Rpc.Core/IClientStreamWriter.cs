namespace CapacityHub.Rpc;

/// <summary>Writes request messages of a client-streaming or duplex call.</summary>
public interface IClientStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>Half-closes the request stream: no more messages will follow.</summary>
    Task CompleteAsync();
}
